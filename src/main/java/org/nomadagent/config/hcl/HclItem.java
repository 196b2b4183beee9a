package org.nomadagent.config.hcl;

import java.util.List;

/**
 * One item of an {@link HclObject}: one or more keys and a value. {@code region = "x"} has one
 * key; {@code plugin "docker" { }} has two ({@code plugin}, {@code docker}), the labels of a block.
 *
 * @param keys the keys, at least one
 * @param value the value; never {@code null}
 * @param assignment whether the item was written with {@code =} ({@code a = {}}) rather than as a
 * block ({@code a {}}); HCL v1 decodes both the same way
 * @param position where the item starts (its first key)
 */
public record HclItem(List<HclKey> keys, HclNode value, boolean assignment, Position position) {

	public HclItem {
		keys = List.copyOf(keys);
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("An item needs at least one key");
		}
	}

	/**
	 * Returns the first key's name.
	 */
	public String name() {
		return this.keys.get(0).name();
	}

}
