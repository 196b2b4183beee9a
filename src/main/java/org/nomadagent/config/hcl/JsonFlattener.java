package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a parsed JSON tree the way HCL v1's JSON parser does, so that JSON written for Nomad
 * decodes like the equivalent HCL:
 * <ul>
 * <li>a member whose value is a non-empty object of objects only becomes one item per inner
 * member, with the keys joined ({@code "plugin": {"docker": {...}}} becomes
 * {@code plugin "docker" {...}});</li>
 * <li>a member whose value is a non-empty array of objects only becomes one item per element
 * ({@code "server": [{...}, {...}]} becomes two {@code server} blocks).</li>
 * </ul>
 * Both rules apply again to what they produce; then the values of the resulting items are
 * flattened in turn. An object is examined before the objects inside it are flattened, as HCL v1
 * examines it, which matters when an inner member is itself an array of objects.
 */
final class JsonFlattener {

	private JsonFlattener() {
	}

	static HclObject flatten(HclObject object) {
		List<HclItem> expanded = new ArrayList<>(object.items().size());
		for (HclItem item : object.items()) {
			expand(item.keys(), item.value(), expanded);
		}
		List<HclItem> items = new ArrayList<>(expanded.size());
		for (HclItem item : expanded) {
			items.add(new HclItem(item.keys(), flattenValue(item.value()), item.assignment(), item.position()));
		}
		return new HclObject(items, object.position());
	}

	private static HclNode flattenValue(HclNode value) {
		if (value instanceof HclObject object) {
			return flatten(object);
		}
		if (value instanceof HclList list) {
			List<HclNode> elements = new ArrayList<>(list.elements().size());
			for (HclNode element : list.elements()) {
				elements.add(flattenValue(element));
			}
			return new HclList(elements, list.position());
		}
		return value;
	}

	private static void expand(List<HclKey> keys, HclNode value, List<HclItem> out) {
		if (value instanceof HclObject object && !object.items().isEmpty() && onlyObjects(object)) {
			for (HclItem inner : object.items()) {
				List<HclKey> joined = new ArrayList<>(keys.size() + inner.keys().size());
				joined.addAll(keys);
				joined.addAll(inner.keys());
				expand(joined, inner.value(), out);
			}
			return;
		}
		if (value instanceof HclList list && !list.elements().isEmpty()
				&& list.elements().stream().allMatch(HclObject.class::isInstance)) {
			for (HclNode element : list.elements()) {
				expand(keys, element, out);
			}
			return;
		}
		out.add(new HclItem(keys, value, true, keys.get(0).position()));
	}

	private static boolean onlyObjects(HclObject object) {
		for (HclItem item : object.items()) {
			if (!(item.value() instanceof HclObject)) {
				return false;
			}
		}
		return true;
	}

}
