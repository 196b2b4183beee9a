package org.nomadagent.config.hcl;

import java.util.List;

/**
 * An HCL list, {@code [ ... ]}. Elements may be literals, objects or (in HCL v1.0.0) lists.
 *
 * @param elements the elements in source order
 * @param position where the list starts (its opening bracket)
 */
public record HclList(List<HclNode> elements, Position position) implements HclNode {

	public HclList {
		elements = List.copyOf(elements);
	}

}
