package org.nomadagent.config;

import java.util.List;

/**
 * Lays one configuration layer over another with Nomad v0.5's merge rules
 * ({@code Config.Merge} and the {@code Merge} of every block in {@code command/agent/config.go}):
 * a later non-empty value replaces an earlier one, empty values never override, a boolean that is
 * true stays true, lists are appended and maps are merged key by key. Each key's rule is its
 * {@link ConfigField#mergeRule()}.
 */
public final class AgentConfigMerger {

	private AgentConfigMerger() {
	}

	/**
	 * Returns {@code base} with {@code overlay} laid over it.
	 * @param base the earlier layer; must not be {@literal null}
	 * @param overlay the later layer; must not be {@literal null}
	 * @return the merged layer, whose files are the base's followed by the overlay's
	 */
	public static ConfigLayer merge(ConfigLayer base, ConfigLayer overlay) {
		return mergeInto(base.toBuilder(), overlay).build();
	}

	/**
	 * Lays {@code overlay} over the values collected in {@code result}, in place. Merging many
	 * layers through one builder costs time in proportion to their size, where merging them
	 * pairwise would copy the growing lists and maps at every step.
	 * @param result the earlier values, changed in place
	 * @param overlay the later layer
	 * @return {@code result}
	 */
	public static ConfigLayer.Builder mergeInto(ConfigLayer.Builder result, ConfigLayer overlay) {
		for (ConfigField field : AgentConfigSchema.fields()) {
			switch (field.mergeRule()) {
				case APPEND -> {
					if (overlay.hasList(field)) {
						result.appendList(field, overlay.list(field));
					}
				}
				case MERGE_KEYS -> {
					if (!overlay.map(field).isEmpty()) {
						result.putAll(field, overlay.map(field));
					}
				}
				default -> overlay.setting(field)
					.filter((setting) -> overrides(field.mergeRule(), setting))
					.ifPresent((setting) -> result.set(field, setting));
			}
		}
		return result.files(overlay.files());
	}

	/**
	 * Merges layers in order, the first being the base.
	 * @param layers the layers, earliest first
	 * @return the merged layer
	 */
	public static ConfigLayer mergeAll(List<ConfigLayer> layers) {
		ConfigLayer.Builder result = ConfigLayer.builder();
		layers.forEach((layer) -> mergeInto(result, layer));
		return result.build();
	}

	private static boolean overrides(MergeRule rule, Setting setting) {
		return switch (rule) {
			case REPLACE_NON_EMPTY, TRUE_WINS -> !setting.isEmpty();
			case REPLACE_POSITIVE -> (Long) setting.value() > 0;
			case LAST_SET -> true;
			default -> throw new IllegalStateException("Not a rule for a single value: " + rule);
		};
	}

}
