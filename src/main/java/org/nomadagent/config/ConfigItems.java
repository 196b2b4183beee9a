package org.nomadagent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nomadagent.config.hcl.HclItem;
import org.nomadagent.config.hcl.HclObject;

/**
 * The items of one key inside an HCL object, with items of several keys
 * ({@code client options { ... }}) read as nested blocks ({@code client { options { ... } }}).
 *
 * <p>
 * HCL v1 writes a JSON object whose members are all objects as such multi-key items:
 * <code>{"client": {"options": {...}, "meta": {...}}}</code> becomes {@code client options {...}}
 * and {@code client meta {...}}. Nomad v0.5 looked only at the single-key items of a block and
 * crashed or lost the rest; here the extra keys are nested, so those JSON files load, and a
 * labelled block ({@code server "x" { }}) reports its label as an invalid key of the block.
 *
 * @param items every item of the key, in source order
 */
record ConfigItems(List<HclItem> items) {

	private static final Comparator<HclItem> SOURCE_ORDER = Comparator
		.comparingInt((HclItem item) -> item.position().line())
		.thenComparingInt((item) -> item.position().column());

	/**
	 * Collects the items of {@code key} in {@code object}.
	 */
	static ConfigItems of(HclObject object, String key) {
		// A loop, not a stream: this runs for every key of every block of every file.
		List<HclItem> items = null;
		for (HclItem item : object.items()) {
			if (item.name().equals(key)) {
				if (items == null) {
					items = new ArrayList<>(2);
				}
				items.add(item);
			}
		}
		return new ConfigItems((items != null) ? items : List.of());
	}

	boolean isEmpty() {
		return this.items.isEmpty();
	}

	/**
	 * Returns the items written with the key alone.
	 */
	List<HclItem> plain() {
		return this.items.stream().filter((item) -> item.keys().size() == 1).toList();
	}

	/**
	 * Returns every item as an item of the key alone, multi-key items nested.
	 */
	List<HclItem> asSingleKey() {
		return this.items.stream().map(ConfigItems::nest).toList();
	}

	/**
	 * Returns the body of a block: the items of {@code first} (the object of the first plain
	 * item, or {@code null}) and the remaining keys of every multi-key item, in source order.
	 */
	HclObject body(HclObject first) {
		List<HclItem> body = new ArrayList<>();
		if (first != null) {
			body.addAll(first.items());
		}
		this.items.stream().filter((item) -> item.keys().size() > 1).map(ConfigItems::tail).forEach(body::add);
		body.sort(SOURCE_ORDER);
		return new HclObject(body, (first != null) ? first.position() : this.items.get(0).position());
	}

	/**
	 * Returns a multi-key item as an item of its first key whose value is an object holding the
	 * item of the remaining keys; a single-key item unchanged.
	 */
	static HclItem nest(HclItem item) {
		if (item.keys().size() == 1) {
			return item;
		}
		HclItem rest = tail(item);
		return new HclItem(item.keys().subList(0, 1), new HclObject(List.of(rest), rest.position()),
				item.assignment(), item.position());
	}

	private static HclItem tail(HclItem item) {
		return new HclItem(item.keys().subList(1, item.keys().size()), item.value(), item.assignment(),
				item.keys().get(1).position());
	}

}
