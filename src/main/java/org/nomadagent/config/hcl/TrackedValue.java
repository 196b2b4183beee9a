package org.nomadagent.config.hcl;

/**
 * A decoded scalar with the position of the literal it came from.
 *
 * @param value a {@link Boolean}, {@link Long}, {@link Double} or {@link String}
 * @param position where the literal is
 */
record TrackedValue(Object value, Position position) {
}
