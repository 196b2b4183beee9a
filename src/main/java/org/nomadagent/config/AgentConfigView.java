package org.nomadagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.nomadagent.config.ConfigField.Exposure;

/**
 * The configuration as Nomad v0.5's {@code /v1/agent/self} shows it under {@code config}: Go
 * field names ({@code BindAddr}, {@code Ports.HTTP}), objects with their fields in alphabetical
 * order, durations Go keeps as {@code time.Duration} in nanoseconds, nil lists as {@code null},
 * and secrets as {@code "<redacted>"} (docs/compatibility.md, D5). {@code config show} prints the
 * same view.
 */
public final class AgentConfigView {

	/** What a secret that is set is shown as. */
	public static final String REDACTED = "<redacted>";

	/** Vault's connection retry interval, fixed in Nomad v0.5 (30s, in nanoseconds). */
	private static final long VAULT_CONNECTION_RETRY_NANOS = 30_000_000_000L;

	private AgentConfigView() {
	}

	/**
	 * Returns the view as nested maps and lists, ready to be written as JSON.
	 * @param config the effective configuration
	 * @param version the agent's version
	 * @return the view, objects as sorted maps
	 */
	public static Map<String, Object> of(AgentConfig config, AgentVersion version) {
		Map<String, Object> view = block(AgentConfigSchema.ROOT, config.layer());
		view.put("DevMode", config.devMode());
		view.put("Files", config.files().isEmpty() ? null : List.copyOf(config.files()));
		view.put("Version", version.version());
		view.put("VersionPrerelease", version.prerelease());
		view.put("Revision", version.revision());
		return view;
	}

	private static Map<String, Object> block(ConfigBlock block, ConfigLayer layer) {
		Map<String, Object> view = new TreeMap<>();
		for (ConfigField field : block.fields()) {
			if (field.exposure() != Exposure.HIDDEN) {
				view.put(field.goName(), value(field, layer));
			}
			if (field.kind() == ValueKind.RESERVED_PORTS) {
				view.put("ParsedReservedPorts", parsedPorts(layer.text(field.path())));
			}
		}
		for (ConfigBlock nested : block.blocks()) {
			view.put(nested.goName(), block(nested, layer));
		}
		if (block.path().equals("vault")) {
			view.put("ConnectionRetryIntv", VAULT_CONNECTION_RETRY_NANOS);
		}
		return view;
	}

	private static Object value(ConfigField field, ConfigLayer layer) {
		switch (field.kind()) {
			case STRING_LIST -> {
				List<String> values = layer.strings(field.path());
				return (values.isEmpty() && field.nullWhenEmpty()) ? null : new ArrayList<>(values);
			}
			case STRING_MAP -> {
				// Nomad's merge always leaves a non-nil map, so the API shows {} rather than null.
				return new TreeMap<>(layer.stringMap(field.path()));
			}
			case OPTIONAL_BOOL -> {
				return layer.optionalBool(field.path()).orElse(null);
			}
			case BOOL -> {
				return layer.bool(field.path());
			}
			case INT, DURATION_NANOS -> {
				return layer.integer(field.path());
			}
			default -> {
				String text = layer.text(field.path());
				return (field.exposure() == Exposure.REDACTED && !text.isEmpty()) ? REDACTED : text;
			}
		}
	}

	private static List<Long> parsedPorts(String text) {
		try {
			List<Long> ports = ReservedPorts.parse(text);
			return ports.isEmpty() ? null : ports;
		}
		catch (ReservedPorts.InvalidReservedPortsException ex) {
			// Unreachable for a validated configuration: reserved_ports is checked when read.
			return null;
		}
	}

}
