package org.nomadagent.config.hcl;

/**
 * A key of an {@link HclItem}, with its quotes removed and escapes decoded.
 *
 * @param name the key text; identifiers may hold letters, digits, {@code _}, {@code -} and
 * {@code .}, so {@code driver.raw_exec.enable} is one key
 * @param quoted whether the key was written as a quoted string
 * @param position where the key starts
 */
public record HclKey(String name, boolean quoted, Position position) {
}
