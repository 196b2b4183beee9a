package org.nomadagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration one source contributes (one file, the command line, the defaults), or the
 * result of merging several: for each key that the source sets, its value and origin. Lists and
 * maps keep an origin per element. Immutable; build one with {@link #builder()}.
 */
public final class ConfigLayer {

	/** A layer that sets nothing. */
	public static final ConfigLayer EMPTY = builder().build();

	private final Map<ConfigField, Setting> scalars;

	private final Map<ConfigField, List<Setting>> lists;

	private final Map<ConfigField, Map<String, Setting>> maps;

	private final List<String> files;

	private ConfigLayer(Builder builder) {
		this.scalars = Collections.unmodifiableMap(new LinkedHashMap<>(builder.scalars));
		Map<ConfigField, List<Setting>> lists = new LinkedHashMap<>();
		builder.lists.forEach((field, values) -> lists.put(field, List.copyOf(values)));
		this.lists = Collections.unmodifiableMap(lists);
		Map<ConfigField, Map<String, Setting>> maps = new LinkedHashMap<>();
		builder.maps.forEach((field, values) -> maps.put(field, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
		this.maps = Collections.unmodifiableMap(maps);
		this.files = List.copyOf(builder.files);
	}

	/**
	 * Returns a builder for a new layer.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a builder holding this layer's values.
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.scalars.putAll(this.scalars);
		this.lists.forEach((field, values) -> builder.lists.put(field, new ArrayList<>(values)));
		this.maps.forEach((field, values) -> builder.maps.put(field, new LinkedHashMap<>(values)));
		builder.files.addAll(this.files);
		return builder;
	}

	/**
	 * Returns the value of a single-valued key, if this layer sets it.
	 * @param field the key
	 * @return the setting
	 */
	public Optional<Setting> setting(ConfigField field) {
		return Optional.ofNullable(this.scalars.get(field));
	}

	/**
	 * Returns the elements of a list key; empty if this layer does not set it.
	 * @param field the key
	 * @return the elements
	 */
	public List<Setting> list(ConfigField field) {
		return this.lists.getOrDefault(field, List.of());
	}

	/**
	 * Returns whether this layer sets a list key, even to an empty list.
	 * @param field the key
	 * @return whether the key is set
	 */
	public boolean hasList(ConfigField field) {
		return this.lists.containsKey(field);
	}

	/**
	 * Returns the entries of a map key; empty if this layer does not set it.
	 * @param field the key
	 * @return the entries
	 */
	public Map<String, Setting> map(ConfigField field) {
		return this.maps.getOrDefault(field, Map.of());
	}

	/**
	 * Returns the configuration files this layer was read from, in load order (Nomad's
	 * {@code Files}).
	 */
	public List<String> files() {
		return this.files;
	}

	/**
	 * Returns whether this layer sets nothing at all and was read from no file.
	 */
	public boolean isEmpty() {
		return this.scalars.isEmpty() && this.lists.isEmpty() && this.maps.isEmpty() && this.files.isEmpty();
	}

	/**
	 * Returns the text value of a key, or {@code ""}.
	 * @param path the HCL path of a text key
	 * @return the value
	 */
	public String text(String path) {
		return (String) value(path, "");
	}

	/**
	 * Returns the integer value of a key, or {@code 0}.
	 * @param path the HCL path of an integer key
	 * @return the value
	 */
	public long integer(String path) {
		return (Long) value(path, 0L);
	}

	/**
	 * Returns the boolean value of a key, or {@code false}.
	 * @param path the HCL path of a boolean key
	 * @return the value
	 */
	public boolean bool(String path) {
		return (Boolean) value(path, Boolean.FALSE);
	}

	/**
	 * Returns the value of an optional boolean key, if set.
	 * @param path the HCL path of a boolean key
	 * @return the value
	 */
	public Optional<Boolean> optionalBool(String path) {
		return setting(AgentConfigSchema.field(path)).map((setting) -> (Boolean) setting.value());
	}

	/**
	 * Returns the elements of a list key as text.
	 * @param path the HCL path of a list key
	 * @return the elements, possibly empty
	 */
	public List<String> strings(String path) {
		return list(AgentConfigSchema.field(path)).stream().map((setting) -> (String) setting.value()).toList();
	}

	/**
	 * Returns the entries of a map key as text.
	 * @param path the HCL path of a map key
	 * @return the entries, in insertion order
	 */
	public Map<String, String> stringMap(String path) {
		Map<String, String> result = new LinkedHashMap<>();
		map(AgentConfigSchema.field(path)).forEach((key, setting) -> result.put(key, (String) setting.value()));
		return result;
	}

	/**
	 * Returns where the value of a single-valued key came from, if this layer sets it.
	 * @param path the HCL path of a key
	 * @return the origin
	 */
	public Optional<ConfigOrigin> origin(String path) {
		return setting(AgentConfigSchema.field(path)).map(Setting::origin);
	}

	private Object value(String path, Object fallback) {
		return setting(AgentConfigSchema.field(path)).map(Setting::value).orElse(fallback);
	}

	@Override
	public String toString() {
		// Values are left out on purpose: a layer holds tokens.
		return "ConfigLayer" + this.files + " with " + (this.scalars.size() + this.lists.size() + this.maps.size())
				+ " key(s)";
	}

	/**
	 * Collects the values of a layer.
	 */
	public static final class Builder {

		private final Map<ConfigField, Setting> scalars = new LinkedHashMap<>();

		private final Map<ConfigField, List<Setting>> lists = new LinkedHashMap<>();

		private final Map<ConfigField, Map<String, Setting>> maps = new LinkedHashMap<>();

		private final List<String> files = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Sets a single-valued key, replacing any earlier value.
		 * @param field the key
		 * @param setting the value
		 * @return this builder
		 */
		public Builder set(ConfigField field, Setting setting) {
			requireScalar(field, true);
			this.scalars.put(field, setting);
			return this;
		}

		/**
		 * Sets a single-valued key by path, replacing any earlier value.
		 * @param path the HCL path
		 * @param value the value
		 * @param origin where it came from
		 * @return this builder
		 */
		public Builder set(String path, Object value, ConfigOrigin origin) {
			return set(AgentConfigSchema.field(path), new Setting(value, origin));
		}

		/**
		 * Sets a list key, replacing any earlier elements.
		 * @param field the key
		 * @param elements the elements
		 * @return this builder
		 */
		public Builder setList(ConfigField field, List<Setting> elements) {
			requireKind(field, ValueKind.STRING_LIST);
			this.lists.put(field, new ArrayList<>(elements));
			return this;
		}

		/**
		 * Sets a map key, replacing any earlier entries.
		 * @param field the key
		 * @param entries the entries
		 * @return this builder
		 */
		public Builder setMap(ConfigField field, Map<String, Setting> entries) {
			requireKind(field, ValueKind.STRING_MAP);
			this.maps.put(field, new LinkedHashMap<>(entries));
			return this;
		}

		/**
		 * Adds entries to a map key, later ones replacing earlier ones with the same key.
		 * @param field the key
		 * @param entries the entries to add
		 * @return this builder
		 */
		public Builder putAll(ConfigField field, Map<String, Setting> entries) {
			requireKind(field, ValueKind.STRING_MAP);
			this.maps.computeIfAbsent(field, (key) -> new LinkedHashMap<>()).putAll(entries);
			return this;
		}

		/**
		 * Appends elements to a list key, creating it if this builder has none.
		 * @param field the key
		 * @param elements the elements to append
		 * @return this builder
		 */
		public Builder appendList(ConfigField field, List<Setting> elements) {
			requireKind(field, ValueKind.STRING_LIST);
			this.lists.computeIfAbsent(field, (key) -> new ArrayList<>()).addAll(elements);
			return this;
		}

		/**
		 * Records that the layer was read from a file.
		 * @param file the file name as the user gave it
		 * @return this builder
		 */
		public Builder file(String file) {
			this.files.add(file);
			return this;
		}

		/**
		 * Records files the layer was read from.
		 * @param files the file names
		 * @return this builder
		 */
		public Builder files(List<String> files) {
			this.files.addAll(files);
			return this;
		}

		/**
		 * Builds the layer.
		 */
		public ConfigLayer build() {
			return new ConfigLayer(this);
		}

		private static void requireScalar(ConfigField field, boolean scalar) {
			if (field.kind().isScalar() != scalar) {
				throw new IllegalArgumentException("'" + field.path() + "' is not a single-valued key");
			}
		}

		private static void requireKind(ConfigField field, ValueKind kind) {
			if (field.kind() != kind) {
				throw new IllegalArgumentException("'" + field.path() + "' is not a " + kind + " key");
			}
		}

	}

}
