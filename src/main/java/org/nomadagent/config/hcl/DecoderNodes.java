package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes {@link HclDecoder} works on besides the syntax tree's own, standing in for HCL v1's
 * {@code ast.ObjectItem} once labels have been consumed and {@code ast.ObjectList}, and the
 * gathering of items by first key (HCL v1's {@code ObjectList.Filter}). Error messages name
 * nodes by their HCL v1 type, as HCL v1 does.
 */
final class DecoderNodes {

	private DecoderNodes() {
	}

	/**
	 * Groups entries by first key folded so that keys equal ignoring case share a group, which
	 * keeps gathering labelled blocks linear.
	 */
	static Map<String, List<Entry>> groupByFoldedKey(List<Entry> entries) {
		Map<String, List<Entry>> groups = new HashMap<>();
		for (Entry entry : entries) {
			if (!entry.keys().isEmpty()) {
				groups.computeIfAbsent(fold(entry.keys().get(0).name()), (folded) -> new ArrayList<>()).add(entry);
			}
		}
		return groups;
	}

	/**
	 * Folds case the way {@link String#equalsIgnoreCase(String)} compares characters.
	 */
	static String fold(String key) {
		boolean ascii = true;
		boolean upper = false;
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			ascii &= c < 0x80;
			upper |= c >= 'A' && c <= 'Z';
		}
		if (ascii) {
			return upper ? key.toLowerCase(java.util.Locale.ROOT) : key;
		}
		StringBuilder folded = new StringBuilder(key.length());
		key.codePoints().forEach((cp) -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
		return folded.toString();
	}

	/**
	 * Returns the entries whose first key equals {@code key}, ignoring case as HCL v1 does, with
	 * that key removed.
	 */
	static List<Entry> filter(List<Entry> entries, String key) {
		List<Entry> matching = new ArrayList<>();
		for (Entry entry : entries) {
			if (!entry.keys().isEmpty()) {
				String first = entry.keys().get(0).name();
				if (first.equals(key) || first.equalsIgnoreCase(key)) {
					List<HclKey> rest = entry.keys().subList(1, entry.keys().size());
					Position position = rest.isEmpty() ? entry.position() : rest.get(0).position();
					matching.add(new Entry(rest, entry.value(), position));
				}
			}
		}
		return matching;
	}

	/**
	 * Returns the Go type HCL v1 would name in an error message for this node.
	 */
	static String goType(Object node) {
		if (node instanceof HclObject) {
			return "*ast.ObjectType";
		}
		if (node instanceof HclList) {
			return "*ast.ListType";
		}
		if (node instanceof HclLiteral) {
			return "*ast.LiteralType";
		}
		return (node instanceof Entries) ? "*ast.ObjectList" : "*ast.ObjectItem";
	}

	static Position positionOf(Object node) {
		if (node instanceof HclNode hclNode) {
			return hclNode.position();
		}
		if (node instanceof Entries entries) {
			return entries.entries().isEmpty() ? entries.position() : entries.entries().get(0).position();
		}
		return ((Entry) node).position();
	}

	/**
	 * An item whose leading keys may have been consumed by the labels above it (HCL v1's
	 * {@code ObjectItem} after {@code Filter}).
	 */
	record Entry(List<HclKey> keys, HclNode value, Position position) {
	}

	/**
	 * A run of items (HCL v1's {@code ObjectList}): the root, or the items sharing a first key.
	 */
	record Entries(List<Entry> entries, Position position) {
	}

}
