package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nomadagent.config.hcl.DecoderNodes.Entries;
import org.nomadagent.config.hcl.DecoderNodes.Entry;

/**
 * Decodes a parsed document into plain Java values exactly as HCL v1.0.0 decodes one into a Go
 * {@code map[string]interface{}} (which is what Nomad's agent configuration goes through):
 * <ul>
 * <li>every block, and every object assigned to a key, becomes a list of maps
 * ({@code client { }} is {@code [{}]}); an object directly inside a list is a map;</li>
 * <li>each label nests one level ({@code plugin "docker" { }} is
 * <code>[{docker=[{}]}]</code>), and blocks with the same first key and labels are gathered
 * into one list;</li>
 * <li>a repeated key decodes into what the earlier occurrence produced: scalars are replaced
 * (the last wins), lists and blocks are appended to, so a block and an assignment of the same
 * key make one list; if the types differ, HCL v1's conversion or error applies (a number after a
 * string becomes its text, a list after a string is an error);</li>
 * <li>numbers become {@link Long}, floats {@link Double}, booleans {@link Boolean}, strings and
 * heredocs {@link String}; a JSON {@code null} is {@code ""}.</li>
 * </ul>
 * Maps keep the order of the source.
 */
public final class HclDecoder {

	private enum Kind {

		INTERFACE, BOOL, FLOAT, INT, STRING, MAP, SLICE

	}

	/**
	 * How many values one decoding may produce per node of the tree. HCL v1 gathers labelled
	 * blocks whose keys differ only in case once per spelling, so a document can ask for output
	 * that grows with the square of its size; such a document is refused instead.
	 */
	private static final int WORK_PER_NODE = 16;

	private final boolean tracked;

	private long work;

	private HclDecoder(boolean tracked, long work) {
		this.tracked = tracked;
		this.work = work;
	}

	/**
	 * Decodes a document.
	 * @param root the parsed document
	 * @return the values, keyed by the document's top-level keys
	 * @throws HclDecodeException where HCL v1 would fail to decode (a number that Go cannot
	 * parse, such as {@code 08}, or a key repeated with an incompatible type), and for the rare
	 * document whose decoded form would be far larger than the document itself
	 */
	public static Map<String, Object> decode(HclObject root) throws HclDecodeException {
		return decode(root, false);
	}

	/**
	 * Decodes a document into values whose scalars are {@link TrackedValue}s, so that each keeps
	 * the position of its literal.
	 */
	static Map<String, Object> decodeTracked(HclObject root) throws HclDecodeException {
		return decode(root, true);
	}

	private static Map<String, Object> decode(HclObject root, boolean tracked) throws HclDecodeException {
		List<Entry> entries = new ArrayList<>(root.items().size());
		for (HclItem item : root.items()) {
			entries.add(new Entry(item.keys(), item.value(), item.position()));
		}
		HclDecoder decoder = new HclDecoder(tracked, WORK_PER_NODE * (long) size(root) + 10_000);
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) decoder.decode(FieldName.ROOT,
				new Entries(entries, root.position()), null, false, null);
		return result;
	}

	private Object decode(FieldName name, Object node, Object current, boolean mapSlot, Kind top)
			throws HclDecodeException {
		if (--this.work < 0) {
			throw new HclDecodeException(DecoderNodes.positionOf(node),
					"document too large to decode: blocks whose keys differ only in case are gathered again for each spelling");
		}
		Kind kind = mapSlot ? Kind.MAP : kindOf(current);
		return switch (kind) {
			case INTERFACE -> decodeInterface(name, node, top);
			case BOOL -> decodeBool(name, node);
			case FLOAT -> decodeFloat(name, node);
			case INT -> decodeInt(name, node);
			case STRING -> decodeString(name, node);
			case MAP -> decodeMap(name, node, castMap(current));
			case SLICE -> decodeSlice(name, node, castList(current));
		};
	}

	private Object decodeInterface(FieldName name, Object node, Kind top) throws HclDecodeException {
		if (node instanceof HclObject || node instanceof Entries) {
			// At the root and directly inside a list an object is a map; anywhere else it is a
			// list of maps, so that repeated blocks can be appended.
			if (top == null || top == Kind.SLICE) {
				return decodeMap(name, node, null);
			}
			return decodeSlice(name, node, new BlockList());
		}
		if (node instanceof HclList) {
			return decodeSlice(name, node, new ArrayList<>());
		}
		if (node instanceof HclLiteral literal) {
			return switch (literal.kind()) {
				case BOOL -> decodeBool(name, node);
				case FLOAT -> decodeFloat(name, node);
				case NUMBER -> decodeInt(name, node);
				case STRING, HEREDOC -> decodeString(name, node);
			};
		}
		throw new HclDecodeException(DecoderNodes.positionOf(node),
				name + ": cannot decode into interface: " + DecoderNodes.goType(node));
	}

	private Object decodeBool(FieldName name, Object node) throws HclDecodeException {
		if (node instanceof HclLiteral literal && literal.kind() == HclLiteral.Kind.BOOL) {
			try {
				return scalar(GoStrconv.parseBool(literal.text()), literal);
			}
			catch (GoStrconv.GoSyntaxException ex) {
				throw new HclDecodeException(literal.position(), ex.getMessage());
			}
		}
		throw unknownType(name, node, "unknown type ");
	}

	private Object decodeFloat(FieldName name, Object node) throws HclDecodeException {
		if (node instanceof HclLiteral literal
				&& (literal.kind() == HclLiteral.Kind.FLOAT || literal.kind() == HclLiteral.Kind.NUMBER)) {
			try {
				return scalar(GoStrconv.parseFloat(literal.text()), literal);
			}
			catch (GoStrconv.GoSyntaxException ex) {
				throw new HclDecodeException(literal.position(), ex.getMessage());
			}
		}
		throw unknownType(name, node, "unknown type ");
	}

	private Object decodeInt(FieldName name, Object node) throws HclDecodeException {
		if (node instanceof HclLiteral literal
				&& (literal.kind() == HclLiteral.Kind.NUMBER || literal.kind() == HclLiteral.Kind.STRING)) {
			String text = (literal.kind() == HclLiteral.Kind.NUMBER) ? literal.text() : (String) literal.value();
			try {
				return scalar(GoStrconv.parseInt(text), literal);
			}
			catch (GoStrconv.GoSyntaxException ex) {
				throw new HclDecodeException(literal.position(), ex.getMessage());
			}
		}
		throw unknownType(name, node, "unknown type ");
	}

	private Object decodeString(FieldName name, Object node) throws HclDecodeException {
		if (node instanceof HclLiteral literal) {
			switch (literal.kind()) {
				case NUMBER -> {
					return scalar(literal.text(), literal);
				}
				case STRING, HEREDOC -> {
					return scalar(literal.value(), literal);
				}
				default -> {
				}
			}
		}
		throw unknownType(name, node, "unknown type for string ");
	}

	private Map<String, Object> decodeMap(FieldName name, Object node, Map<String, Object> current)
			throws HclDecodeException {
		List<Entry> entries;
		if (node instanceof Entry entry) {
			entries = List.of(entry);
		}
		else if (node instanceof Entries list) {
			entries = list.entries();
		}
		else if (node instanceof HclObject object) {
			entries = new ArrayList<>(object.items().size());
			for (HclItem item : object.items()) {
				entries.add(new Entry(item.keys(), item.value(), item.position()));
			}
		}
		else {
			throw new HclDecodeException(DecoderNodes.positionOf(node),
					name + ": not an object type for map (" + DecoderNodes.goType(node) + ")");
		}
		Map<String, Object> map = (current != null) ? current : new LinkedHashMap<>();
		Set<String> done = null;
		Map<String, List<Entry>> byFoldedKey = null;
		for (Entry entry : entries) {
			if (entry.keys().isEmpty()) {
				throw new HclDecodeException(entry.position(), name + ": map must have string keys");
			}
			String key = entry.keys().get(0).name();
			if (done != null && done.contains(key)) {
				continue;
			}
			Object value = entry.value();
			if (entry.keys().size() > 1) {
				// All items whose first key matches (ignoring case, as HCL v1's Filter does)
				// are decoded together, one level down.
				if (done == null) {
					done = new HashSet<>();
					byFoldedKey = DecoderNodes.groupByFoldedKey(entries);
				}
				value = new Entries(DecoderNodes.filter(byFoldedKey.get(DecoderNodes.fold(key)), key),
						entry.position());
				done.add(key);
			}
			map.put(key, decode(name.child(key), value, map.get(key), false, Kind.MAP));
		}
		return map;
	}

	private List<Object> decodeSlice(FieldName name, Object node, List<Object> list) throws HclDecodeException {
		List<?> items;
		if (node instanceof Entries entries) {
			items = entries.entries();
		}
		else if (node instanceof HclObject) {
			items = List.of(node);
		}
		else if (node instanceof HclList hclList) {
			items = hclList.elements();
		}
		else {
			throw new HclDecodeException(DecoderNodes.positionOf(node), "unknown slice type: " + DecoderNodes.goType(node));
		}
		boolean maps = list instanceof BlockList;
		for (int i = 0; i < items.size(); i++) {
			list.add(decode(name.element(i), items.get(i), null, maps, Kind.SLICE));
		}
		return list;
	}

	private static int size(HclNode node) {
		int size = 1;
		if (node instanceof HclObject object) {
			List<HclItem> items = object.items();
			for (int i = 0; i < items.size(); i++) {
				HclItem item = items.get(i);
				size += item.keys().size() + size(item.value());
			}
		}
		else if (node instanceof HclList list) {
			List<HclNode> elements = list.elements();
			for (int i = 0; i < elements.size(); i++) {
				size += size(elements.get(i));
			}
		}
		return size;
	}

	private Object scalar(Object value, HclLiteral literal) {
		return this.tracked ? new TrackedValue(value, literal.position()) : value;
	}

	private static Kind kindOf(Object value) {
		Object scalar = (value instanceof TrackedValue tracked) ? tracked.value() : value;
		if (scalar == null) {
			return Kind.INTERFACE;
		}
		if (scalar instanceof Boolean) {
			return Kind.BOOL;
		}
		if (scalar instanceof Double) {
			return Kind.FLOAT;
		}
		if (scalar instanceof Long) {
			return Kind.INT;
		}
		if (scalar instanceof String) {
			return Kind.STRING;
		}
		return (scalar instanceof Map) ? Kind.MAP : Kind.SLICE;
	}

	private static HclDecodeException unknownType(FieldName name, Object node, String what) {
		return new HclDecodeException(DecoderNodes.positionOf(node), name + ": " + what + DecoderNodes.goType(node));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> castList(Object value) {
		return (List<Object>) value;
	}

	/**
	 * The list of maps HCL v1 makes of blocks (a Go {@code []map[string]interface{}}), told apart
	 * from a list written in the source (a {@code []interface{}}) because the two decode
	 * differently when a key repeats.
	 */
	static final class BlockList extends ArrayList<Object> {

		private static final long serialVersionUID = 1L;

	}

	/**
	 * The path of the value being decoded ({@code root.client[0].meta}), built only when an error
	 * names it.
	 */
	private record FieldName(FieldName parent, String key, int index) {

		static final FieldName ROOT = new FieldName(null, "root", -1);

		FieldName child(String key) {
			return new FieldName(this, key, -1);
		}

		FieldName element(int index) {
			return new FieldName(this, null, index);
		}

		@Override
		public String toString() {
			if (this.parent == null) {
				return this.key;
			}
			return this.parent + ((this.key != null) ? "." + this.key : "[" + this.index + "]");
		}

	}

}
