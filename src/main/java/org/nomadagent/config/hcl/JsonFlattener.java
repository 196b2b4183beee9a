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

	/**
	 * Returns the flattened object; parts that need no change are returned as they are.
	 */
	static HclObject flatten(HclObject object) {
		List<HclItem> source = object.items();
		List<HclItem> items = new ArrayList<>(source.size());
		boolean changed = false;
		for (int i = 0; i < source.size(); i++) {
			HclItem item = source.get(i);
			if (expands(item.value())) {
				expand(item.keys(), item.value(), items);
				changed = true;
			}
			else {
				items.add(item);
			}
		}
		for (int i = 0; i < items.size(); i++) {
			HclItem item = items.get(i);
			HclNode value = flattenValue(item.value());
			if (value != item.value()) {
				items.set(i, new HclItem(item.keys(), value, item.assignment(), item.position()));
				changed = true;
			}
		}
		return changed ? new HclObject(items, object.position()) : object;
	}

	private static HclNode flattenValue(HclNode value) {
		if (value instanceof HclObject object) {
			return flatten(object);
		}
		if (value instanceof HclList list) {
			List<HclNode> elements = null;
			for (int i = 0; i < list.elements().size(); i++) {
				HclNode element = list.elements().get(i);
				HclNode flattened = flattenValue(element);
				if (flattened != element && elements == null) {
					elements = new ArrayList<>(list.elements());
				}
				if (elements != null) {
					elements.set(i, flattened);
				}
			}
			return (elements != null) ? new HclList(elements, list.position()) : list;
		}
		return value;
	}

	/**
	 * Whether a member with this value is rewritten: a non-empty object of objects only, or a
	 * non-empty array of objects only.
	 */
	private static boolean expands(HclNode value) {
		if (value instanceof HclObject object) {
			List<HclItem> items = object.items();
			for (int i = 0; i < items.size(); i++) {
				if (!(items.get(i).value() instanceof HclObject)) {
					return false;
				}
			}
			return !items.isEmpty();
		}
		if (value instanceof HclList list) {
			List<HclNode> elements = list.elements();
			for (int i = 0; i < elements.size(); i++) {
				if (!(elements.get(i) instanceof HclObject)) {
					return false;
				}
			}
			return !elements.isEmpty();
		}
		return false;
	}

	private static void expand(List<HclKey> keys, HclNode value, List<HclItem> out) {
		if (!expands(value)) {
			out.add(new HclItem(keys, value, true, keys.get(0).position()));
		}
		else if (value instanceof HclObject object) {
			for (HclItem inner : object.items()) {
				List<HclKey> joined = new ArrayList<>(keys.size() + inner.keys().size());
				joined.addAll(keys);
				joined.addAll(inner.keys());
				expand(joined, inner.value(), out);
			}
		}
		else {
			for (HclNode element : ((HclList) value).elements()) {
				expand(keys, element, out);
			}
		}
	}

}
