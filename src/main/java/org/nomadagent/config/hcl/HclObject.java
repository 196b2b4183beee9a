package org.nomadagent.config.hcl;

import java.util.List;

/**
 * An HCL object: the root of a document, the body of a block ({@code client { ... }}) or an
 * object value ({@code meta = { ... }}). It is an ordered list of items, so a key may occur more
 * than once, exactly as in HCL v1's {@code ast.ObjectList}.
 *
 * @param items the items in source order
 * @param position where the object starts (the opening brace, or 1:1 for a document root)
 */
public record HclObject(List<HclItem> items, Position position) implements HclNode {

	public HclObject {
		items = List.copyOf(items);
	}

	/**
	 * Returns the items whose first key is {@code key}, in source order (HCL v1's
	 * {@code ObjectList.Filter} without the key stripping).
	 * @param key the key to look for, case-sensitive
	 * @return the matching items, possibly empty
	 */
	public List<HclItem> itemsNamed(String key) {
		return this.items.stream().filter((item) -> item.keys().get(0).name().equals(key)).toList();
	}

}
