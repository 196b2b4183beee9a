package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded HCL into flat property names, the shape Spring's {@code Environment} holds:
 * <ul>
 * <li>blocks and labels become dotted names ({@code management { server { port = 9090 } }} is
 * {@code management.server.port});</li>
 * <li>blocks repeated under one key are merged leaf by leaf, the later value winning (a list is
 * one leaf: a later list replaces an earlier one whole);</li>
 * <li>list elements are indexed ({@code servers[0]});</li>
 * <li>a key that Spring could not keep as a name element (anything but ASCII letters, digits,
 * {@code _} and {@code -}, or a leading {@code -}) is written in brackets
 * ({@code options[driver.raw_exec.enable]}), which Spring keeps verbatim.</li>
 * </ul>
 * Empty blocks and empty lists contribute no property.
 */
final class HclPropertyFlattener {

	private HclPropertyFlattener() {
	}

	/**
	 * Flattens values produced by {@link HclDecoder#decodeTracked(HclObject)}.
	 * @param decoded the decoded document
	 * @return the properties in source order, each with the position of its literal
	 */
	static Map<String, TrackedValue> flatten(Map<String, Object> decoded) {
		Map<String, TrackedValue> properties = new LinkedHashMap<>();
		collect("", normalize(decoded), properties);
		return properties;
	}

	/**
	 * Returns {@code key} appended to {@code prefix} as a property name element.
	 */
	static String name(String prefix, String key) {
		if (isPlainElement(key)) {
			return prefix.isEmpty() ? key : prefix + "." + key;
		}
		return prefix + "[" + key + "]";
	}

	private static boolean isPlainElement(String key) {
		if (key.isEmpty() || key.charAt(0) == '-') {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
			if (!plain) {
				return false;
			}
		}
		return true;
	}

	private static void collect(String prefix, Object value, Map<String, TrackedValue> properties) {
		if (value instanceof TrackedValue scalar) {
			properties.put(prefix, scalar);
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> collect(name(prefix, (String) key), element, properties));
		}
		else {
			List<?> list = (List<?>) value;
			for (int i = 0; i < list.size(); i++) {
				collect(prefix + "[" + i + "]", list.get(i), properties);
			}
		}
	}

	/**
	 * Replaces every list of blocks by the merge of its blocks, all the way down.
	 */
	private static Object normalize(Object value) {
		if (value instanceof HclDecoder.BlockList blocks) {
			Map<String, Object> merged = new LinkedHashMap<>();
			for (Object block : blocks) {
				mergeInto(merged, asMap(normalize(block)));
			}
			return merged;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> normalized = new LinkedHashMap<>();
			map.forEach((key, element) -> normalized.put((String) key, normalize(element)));
			return normalized;
		}
		if (value instanceof List<?> list) {
			List<Object> normalized = new ArrayList<>(list.size());
			for (Object element : list) {
				normalized.add(normalize(element));
			}
			return normalized;
		}
		return value;
	}

	private static void mergeInto(Map<String, Object> target, Map<String, Object> source) {
		source.forEach((key, value) -> {
			Object existing = target.get(key);
			if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
				mergeInto(asMap(existingMap), asMap(valueMap));
			}
			else {
				target.put(key, value);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

}
