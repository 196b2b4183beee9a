package org.nomadagent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;

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
public final class NomadConfigPropertySource extends EnumerablePropertySource<AgentConfig>
		implements OriginLookup<String> {

	/** The name of the property source. */
	public static final String NAME = "nomadAgentConfiguration";

	private final Map<String, Object> values = new LinkedHashMap<>();

	private final Map<String, Origin> origins = new LinkedHashMap<>();

	/**
	 * Creates the property source of a configuration.
	 * @param config the effective configuration
	 */
	public NomadConfigPropertySource(AgentConfig config) {
		super(NAME, config);
		ConfigLayer layer = config.layer();
		for (ConfigField field : AgentConfigSchema.fields()) {
			String name = field.propertyName();
			switch (field.kind()) {
				case STRING_LIST -> {
					List<Setting> elements = layer.list(field);
					for (int i = 0; i < elements.size(); i++) {
						put(name + "[" + i + "]", elements.get(i));
					}
				}
				case STRING_MAP -> layer.map(field).forEach((key, setting) -> put(name + "[" + key + "]", setting));
				case DURATION_NANOS -> layer.setting(field)
					.ifPresent((setting) -> put(name, new Setting(setting.value() + "ns", setting.origin())));
				case DURATION_TEXT -> layer.setting(field)
					.filter((setting) -> !setting.isEmpty())
					.ifPresent((setting) -> put(name, setting));
				default -> layer.setting(field).ifPresent((setting) -> put(name, setting));
			}
		}
		this.values.put("nomad.dev-mode", config.devMode());
		List<String> files = config.files();
		for (int i = 0; i < files.size(); i++) {
			this.values.put("nomad.files[" + i + "]", files.get(i));
		}
	}

	private void put(String name, Setting setting) {
		this.values.put(name, setting.value());
		this.origins.put(name, new ConfigValueOrigin(setting.origin()));
	}

	@Override
	public String[] getPropertyNames() {
		return this.values.keySet().toArray(String[]::new);
	}

	@Override
	public Object getProperty(String name) {
		return this.values.get(name);
	}

	@Override
	public Origin getOrigin(String name) {
		return this.origins.get(name);
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
