package org.nomadagent.config;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes maps, lists, text, numbers, booleans and {@code null} as JSON the way Nomad's API
 * writes it: compact with no trailing newline, or indented (Nomad's {@code ?pretty}: four spaces,
 * {@code "key": value}, a final newline). Map entries are written in the map's iteration order.
 */
public final class JsonText {

	private JsonText() {
	}

	/**
	 * Returns the compact JSON of a value.
	 * @param value a map, collection, text, number, boolean or {@code null}
	 * @return the JSON text
	 */
	public static String compact(Object value) {
		StringBuilder out = new StringBuilder(256);
		write(value, out, null, 0);
		return out.toString();
	}

	/**
	 * Returns the indented JSON of a value, ending with a newline.
	 * @param value a map, collection, text, number, boolean or {@code null}
	 * @param indent the indentation of one level, such as four spaces
	 * @return the JSON text
	 */
	public static String pretty(Object value, String indent) {
		StringBuilder out = new StringBuilder(512);
		write(value, out, indent, 0);
		return out.append('\n').toString();
	}

	private static void write(Object value, StringBuilder out, String indent, int depth) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(text, out);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte) {
			out.append(value);
		}
		else if (value instanceof Number number) {
			out.append(number.toString());
		}
		else if (value instanceof Map<?, ?> map) {
			object(map, out, indent, depth);
		}
		else if (value instanceof Collection<?> collection) {
			array(collection, out, indent, depth);
		}
		else {
			string(value.toString(), out);
		}
	}

	private static void object(Map<?, ?> map, StringBuilder out, String indent, int depth) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		out.append('{');
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			newline(out, indent, depth + 1);
			string(String.valueOf(entry.getKey()), out);
			out.append((indent != null) ? ": " : ":");
			write(entry.getValue(), out, indent, depth + 1);
			if (entries.hasNext()) {
				out.append(',');
			}
		}
		newline(out, indent, depth);
		out.append('}');
	}

	private static void array(Collection<?> collection, StringBuilder out, String indent, int depth) {
		if (collection.isEmpty()) {
			out.append("[]");
			return;
		}
		out.append('[');
		Iterator<?> elements = collection.iterator();
		while (elements.hasNext()) {
			newline(out, indent, depth + 1);
			write(elements.next(), out, indent, depth + 1);
			if (elements.hasNext()) {
				out.append(',');
			}
		}
		newline(out, indent, depth);
		out.append(']');
	}

	private static void newline(StringBuilder out, String indent, int depth) {
		if (indent != null) {
			out.append('\n');
			for (int i = 0; i < depth; i++) {
				out.append(indent);
			}
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					// Go's encoder escapes control characters, and <, > and & so that the output
					// is safe to embed in HTML; so do we.
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
