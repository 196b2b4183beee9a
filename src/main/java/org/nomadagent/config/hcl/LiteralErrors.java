package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Strings that HCL v1's scanner accepts but that cannot be decoded (an escape beyond U+10FFFF,
 * for example). HCL v1 only fails on them (with a panic) when it decodes them, so a string in an
 * item the parser dropped never fails. This keeps the same rule: an error counts only if its
 * key or literal is part of the finished tree.
 */
final class LiteralErrors {

	private final List<Object> nodes = new ArrayList<>();

	private final List<HclParseException> errors = new ArrayList<>();

	void add(Object keyOrLiteral, HclParseException error) {
		this.nodes.add(keyOrLiteral);
		this.errors.add(error);
	}

	/**
	 * Records an error for a node that is being built; the node is given later with
	 * {@link #attach(Object)}.
	 */
	void pending(HclParseException error) {
		this.nodes.add(null);
		this.errors.add(error);
	}

	void attach(Object keyOrLiteral) {
		int last = this.nodes.size() - 1;
		if (last >= 0 && this.nodes.get(last) == null) {
			this.nodes.set(last, keyOrLiteral);
		}
	}

	/**
	 * Throws the first error whose node is in the tree.
	 */
	void throwIfReachable(HclObject root) throws HclParseException {
		if (this.errors.isEmpty()) {
			return;
		}
		Set<Object> reachable = Collections.newSetFromMap(new IdentityHashMap<>());
		collect(root, reachable);
		for (int i = 0; i < this.errors.size(); i++) {
			if (reachable.contains(this.nodes.get(i))) {
				throw this.errors.get(i);
			}
		}
	}

	private static void collect(HclNode node, Set<Object> reachable) {
		reachable.add(node);
		if (node instanceof HclObject object) {
			for (HclItem item : object.items()) {
				reachable.addAll(item.keys());
				collect(item.value(), reachable);
			}
		}
		else if (node instanceof HclList list) {
			for (HclNode element : list.elements()) {
				collect(element, reachable);
			}
		}
	}

}
