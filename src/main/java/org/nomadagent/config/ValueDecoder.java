package org.nomadagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nomadagent.config.GoDuration.InvalidDurationException;
import org.nomadagent.config.hcl.GoStrconv;
import org.nomadagent.config.hcl.GoStrconv.GoSyntaxException;
import org.nomadagent.config.hcl.HclItem;
import org.nomadagent.config.hcl.HclList;
import org.nomadagent.config.hcl.HclLiteral;
import org.nomadagent.config.hcl.HclNode;
import org.nomadagent.config.hcl.HclObject;

/**
 * Turns HCL values into configuration values with the "weak" conversions of the
 * {@code mapstructure} decoder Nomad v0.5 uses: a boolean given to a text key becomes
 * {@code "1"}/{@code "0"}, a number given to a text key its decimal text, text given to a number
 * key is read with Go's base detection, and so on. Conversion errors are worded as Nomad words
 * them and recorded as {@link ConfigProblem}s at the value's position.
 */
final class ValueDecoder {

	private final List<ConfigProblem> problems;

	ValueDecoder(List<ConfigProblem> problems) {
		this.problems = problems;
	}

	/**
	 * Decodes a single value for a key; returns {@code null} (and records a problem) when the
	 * value does not convert.
	 */
	Setting scalar(ConfigField field, HclNode node, String prefix) {
		Object value = switch (field.kind()) {
			case STRING, DURATION_TEXT, RESERVED_PORTS -> text(field.key(), node, prefix);
			case INT -> integer(field.key(), node, prefix);
			case BOOL, OPTIONAL_BOOL -> bool(field.key(), node, prefix);
			case DURATION_NANOS -> nanos(node, prefix);
			default -> throw new IllegalArgumentException("Not a single-valued key: " + field.path());
		};
		return (value != null) ? new Setting(value, ConfigOrigin.of(node.position())) : null;
	}

	/**
	 * Decodes a list of text; returns {@code null} (and records problems) when it does not
	 * convert.
	 */
	List<Setting> list(ConfigField field, HclNode node, String prefix) {
		if (node instanceof HclObject object && object.items().isEmpty()) {
			// mapstructure accepts an empty map where it expects a list.
			return List.of();
		}
		if (!(node instanceof HclList list)) {
			report(node, prefix, "'" + field.key() + "': source data must be an array or slice, got " + kindOf(node));
			return null;
		}
		List<Setting> elements = new ArrayList<>();
		boolean failed = false;
		for (int i = 0; i < list.elements().size(); i++) {
			HclNode element = list.elements().get(i);
			Object value = text(field.key() + "[" + i + "]", element, prefix);
			if (value == null) {
				failed = true;
			}
			else {
				elements.add(new Setting(value, ConfigOrigin.of(element.position())));
			}
		}
		return failed ? null : elements;
	}

	/**
	 * Decodes the entries of one map block ({@code options { ... }}) into {@code entries};
	 * entries that do not convert are reported and left out.
	 */
	void mapEntries(ConfigField field, HclNode node, String prefix, Map<String, Setting> entries) {
		if (!(node instanceof HclObject object)) {
			report(node, prefix, "'" + field.key() + "' expected a map, got '" + mapKindOf(node) + "'");
			return;
		}
		Map<String, List<HclItem>> byKey = new LinkedHashMap<>();
		for (HclItem item : object.items()) {
			byKey.computeIfAbsent(item.name(), (key) -> new ArrayList<>()).add(item);
		}
		byKey.forEach((key, items) -> {
			// As in the generic HCL decoding Nomad uses, the last assignment of a key wins.
			HclItem last = items.get(items.size() - 1);
			HclNode value = ConfigItems.nest(last).value();
			Object text = text("[" + key + "]", value, prefix);
			if (text != null) {
				entries.put(key, new Setting(text, ConfigOrigin.of(value.position())));
			}
		});
	}

	String text(String name, HclNode node, String prefix) {
		if (node instanceof HclLiteral literal) {
			switch (literal.kind()) {
				case STRING, HEREDOC -> {
					return (String) literal.value();
				}
				case BOOL -> {
					return ((Boolean) literal.value()) ? "1" : "0";
				}
				case FLOAT -> {
					return GoStrconv.formatFloat((Double) literal.value());
				}
				case NUMBER -> {
					Long number = number(literal, prefix);
					return (number != null) ? Long.toString(number) : null;
				}
			}
		}
		report(node, prefix, "'" + name + "' expected type 'string', got unconvertible type '" + goType(node) + "'");
		return null;
	}

	private Long integer(String name, HclNode node, String prefix) {
		if (node instanceof HclLiteral literal) {
			switch (literal.kind()) {
				case NUMBER -> {
					return number(literal, prefix);
				}
				case FLOAT -> {
					return (long) (double) (Double) literal.value();
				}
				case BOOL -> {
					return ((Boolean) literal.value()) ? 1L : 0L;
				}
				case STRING, HEREDOC -> {
					try {
						return GoStrconv.parseInt((String) literal.value());
					}
					catch (GoSyntaxException ex) {
						report(node, prefix, "cannot parse '" + name + "' as int: " + ex.getMessage());
						return null;
					}
				}
			}
		}
		report(node, prefix, "'" + name + "' expected type 'int', got unconvertible type '" + goType(node) + "'");
		return null;
	}

	private Boolean bool(String name, HclNode node, String prefix) {
		if (node instanceof HclLiteral literal) {
			switch (literal.kind()) {
				case BOOL -> {
					return (Boolean) literal.value();
				}
				case NUMBER -> {
					Long number = number(literal, prefix);
					return (number != null) ? number != 0 : null;
				}
				case FLOAT -> {
					return (Double) literal.value() != 0;
				}
				case STRING, HEREDOC -> {
					String text = (String) literal.value();
					if (text.isEmpty()) {
						return false;
					}
					try {
						return GoStrconv.parseBool(text);
					}
					catch (GoSyntaxException ex) {
						report(node, prefix, "cannot parse '" + name + "' as bool: " + ex.getMessage());
						return null;
					}
				}
			}
		}
		report(node, prefix, "'" + name + "' expected type 'bool', got unconvertible type '" + goType(node) + "'");
		return null;
	}

	/**
	 * {@code consul.timeout} is a Go {@code time.Duration}: text is parsed as a duration, and
	 * a bare number counts as nanoseconds.
	 */
	private Long nanos(HclNode node, String prefix) {
		if (node instanceof HclLiteral literal
				&& (literal.kind() == HclLiteral.Kind.STRING || literal.kind() == HclLiteral.Kind.HEREDOC)) {
			try {
				return GoDuration.parseNanos((String) literal.value());
			}
			catch (InvalidDurationException ex) {
				report(node, prefix, ex.getMessage());
				return null;
			}
		}
		return integer("timeout", node, prefix);
	}

	private Long number(HclLiteral literal, String prefix) {
		if (literal.value() != null) {
			return (Long) literal.value();
		}
		try {
			return GoStrconv.parseInt(literal.text());
		}
		catch (GoSyntaxException ex) {
			report(literal, prefix, ex.getMessage());
			return null;
		}
	}

	void report(HclNode node, String prefix, String message) {
		String text = prefix.isEmpty() ? message : prefix + " " + message;
		this.problems.add(new ConfigProblem(ConfigOrigin.of(node.position()), text));
	}

	/** The Go type the generic HCL decoding gives a value, as mapstructure names it. */
	private static String goType(HclNode node) {
		if (node instanceof HclObject) {
			return "[]map[string]interface {}";
		}
		if (node instanceof HclList) {
			return "[]interface {}";
		}
		return switch (((HclLiteral) node).kind()) {
			case STRING, HEREDOC -> "string";
			case NUMBER -> "int";
			case FLOAT -> "float64";
			case BOOL -> "bool";
		};
	}

	private static String kindOf(HclNode node) {
		String type = goType(node);
		return type.startsWith("[]map") ? "map" : type;
	}

	private static String mapKindOf(HclNode node) {
		return (node instanceof HclList) ? "slice" : goType(node);
	}

}
