package org.nomadagent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;

/**
 * The agent's effective configuration as Spring properties under {@code nomad.}, so that the
 * {@code @ConfigurationProperties} records bind from it and every value keeps its origin: a
 * binding failure or {@code /actuator/configprops} names the file, line and column a value was
 * written at (or the flag or environment variable it came from).
 *
 * <p>
 * Keys are the HCL keys in kebab case ({@code client.max_kill_timeout} is
 * {@code nomad.client.max-kill-timeout}); lists are indexed ({@code nomad.server.start-join[0]})
 * and maps keyed in brackets ({@code nomad.client.options[driver.raw_exec.enable]}).
 */
public final class NomadConfigPropertySource {

	/** The name of the property source. */
	public static final String NAME = "nomadAgentConfiguration";

	private NomadConfigPropertySource() {
	}

	/**
	 * Returns the property source of a configuration.
	 * @param config the effective configuration
	 * @return the property source; its values are {@link OriginTrackedValue}s
	 */
	public static OriginTrackedMapPropertySource of(AgentConfig config) {
		// Immutable: Spring maps the names once instead of at every binding, which is a good part
		// of the agent's start-up.
		return new OriginTrackedMapPropertySource(NAME, properties(config), true);
	}

	private static Map<String, Object> properties(AgentConfig config) {
		Map<String, Object> values = new LinkedHashMap<>();
		ConfigLayer layer = config.layer();
		for (ConfigField field : AgentConfigSchema.fields()) {
			String name = field.propertyName();
			switch (field.kind()) {
				case STRING_LIST -> {
					List<Setting> elements = layer.list(field);
					for (int i = 0; i < elements.size(); i++) {
						put(values, name + "[" + i + "]", elements.get(i));
					}
				}
				case STRING_MAP -> layer.map(field).forEach((key, setting) -> put(values, name + "[" + key + "]", setting));
				case DURATION_NANOS -> layer.setting(field)
					.ifPresent((setting) -> put(values, name, new Setting(setting.value() + "ns", setting.origin())));
				case DURATION_TEXT -> layer.setting(field)
					.filter((setting) -> !setting.isEmpty())
					.ifPresent((setting) -> put(values, name, setting));
				default -> layer.setting(field).ifPresent((setting) -> put(values, name, setting));
			}
		}
		values.put("nomad.dev-mode", config.devMode());
		List<String> files = config.files();
		for (int i = 0; i < files.size(); i++) {
			values.put("nomad.files[" + i + "]", files.get(i));
		}
		return values;
	}

	private static void put(Map<String, Object> values, String name, Setting setting) {
		values.put(name, OriginTrackedValue.of(setting.value(), new ConfigValueOrigin(setting.origin())));
	}

	/**
	 * The origin of a configuration value, shown as {@code file:line:column}, or as the flag or
	 * environment variable it came from.
	 *
	 * @param origin where the value came from
	 */
	public record ConfigValueOrigin(ConfigOrigin origin) implements Origin {

		@Override
		public String toString() {
			return this.origin.toString();
		}

	}

}
