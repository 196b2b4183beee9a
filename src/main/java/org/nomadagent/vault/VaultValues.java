package org.nomadagent.vault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the loosely typed values of Vault's JSON as Nomad reads them ({@code mapstructure}'s
 * weak decoding): a number may come as text, a boolean as a number or text, a missing value is
 * zero, false or empty.
 */
final class VaultValues {

	private VaultValues() {
	}

	static long number(Map<String, ?> data, String key) {
		Object value = (data != null) ? data.get(key) : null;
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String text && !text.isEmpty()) {
			try {
				return (long) Double.parseDouble(text);
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		if (value instanceof Boolean flag) {
			return flag ? 1 : 0;
		}
		return 0;
	}

	static boolean bool(Map<String, ?> data, String key) {
		Object value = (data != null) ? data.get(key) : null;
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value instanceof Number number) {
			return number.doubleValue() != 0;
		}
		if (value instanceof String text) {
			return text.equals("1") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("t");
		}
		return false;
	}

	static String text(Map<String, ?> data, String key) {
		Object value = (data != null) ? data.get(key) : null;
		return (value != null) ? value.toString() : "";
	}

	static List<String> texts(Map<String, ?> data, String key) {
		Object value = (data != null) ? data.get(key) : null;
		List<String> texts = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			collection.forEach((element) -> texts.add(String.valueOf(element)));
		}
		else if (value instanceof String text && !text.isEmpty()) {
			texts.add(text);
		}
		return List.copyOf(texts);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Map<String, ?> data, String key) {
		Object value = (data != null) ? data.get(key) : null;
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

}
