package org.nomadagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A block of the agent configuration ({@code client { ... }}), or the root of a file: the keys it
 * accepts, its nested blocks, and the keys it accepts but ignores.
 *
 * @param path the dotted HCL path, {@code ""} for the root
 * @param goName the Go field name Nomad's JSON shows for the block ({@code Client})
 * @param fields the value keys of the block
 * @param blocks the nested blocks
 * @param ignoredKeys keys Nomad v0.5 accepts and then drops without checking them
 * ({@code interfaces}, {@code client.stats})
 */
public record ConfigBlock(String path, String goName, List<ConfigField> fields, List<ConfigBlock> blocks,
		List<String> ignoredKeys) {

	public ConfigBlock {
		fields = List.copyOf(fields);
		blocks = List.copyOf(blocks);
		ignoredKeys = List.copyOf(ignoredKeys);
	}

	/**
	 * Returns the block's key, the last element of its path ({@code ""} for the root).
	 */
	public String key() {
		int dot = this.path.lastIndexOf('.');
		return (dot < 0) ? this.path : this.path.substring(dot + 1);
	}

	/**
	 * Returns whether this is the root of a configuration file.
	 */
	public boolean isRoot() {
		return this.path.isEmpty();
	}

	/**
	 * Returns the value key of the given name, if the block has one.
	 * @param key the HCL key
	 * @return the field
	 */
	public Optional<ConfigField> field(String key) {
		return this.fields.stream().filter((field) -> field.key().equals(key)).findFirst();
	}

	/**
	 * Returns the nested block of the given name, if the block has one.
	 * @param key the HCL key
	 * @return the block
	 */
	public Optional<ConfigBlock> block(String key) {
		return this.blocks.stream().filter((block) -> block.key().equals(key)).findFirst();
	}

	/**
	 * Returns every key the block accepts, in declaration order.
	 */
	public List<String> validKeys() {
		List<String> keys = new ArrayList<>();
		this.fields.forEach((field) -> keys.add(field.key()));
		this.blocks.forEach((block) -> keys.add(block.key()));
		keys.addAll(this.ignoredKeys);
		return keys;
	}

	/**
	 * Returns the prefix Nomad puts before the errors of this block: {@code config:} at the top
	 * level, {@code client -> reserved ->} for a nested block.
	 */
	public String errorPrefix() {
		return isRoot() ? "config:" : this.path.replace(".", " -> ") + " ->";
	}

}
