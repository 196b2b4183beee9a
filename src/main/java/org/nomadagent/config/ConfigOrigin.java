package org.nomadagent.config;

import org.nomadagent.config.hcl.Position;

/**
 * Where a configuration value came from: a place in a configuration file, a command-line flag,
 * an environment variable, or Nomad's built-in defaults.
 *
 * @param description what the value came from when it has no position in a file (for example
 * {@code command-line flag -bind}); for file values the file name
 * @param position where the value is written, or {@code null} when it was not read from a file
 */
public record ConfigOrigin(String description, Position position) {

	/** Values Nomad's {@code DefaultConfig()} sets. */
	public static final ConfigOrigin DEFAULT = new ConfigOrigin("Nomad default", null);

	/** Values Nomad's {@code DevConfig()} sets on top of the defaults. */
	public static final ConfigOrigin DEV_MODE = new ConfigOrigin("-dev default", null);

	/**
	 * Returns the origin of a value read from a file.
	 * @param position where the value is written; must not be {@literal null}
	 * @return the origin
	 */
	public static ConfigOrigin of(Position position) {
		return new ConfigOrigin(position.source(), position);
	}

	/**
	 * Returns the origin of a value given by a command-line flag.
	 * @param flag the flag name with its dash, for example {@code -bind}
	 * @return the origin
	 */
	public static ConfigOrigin flag(String flag) {
		return new ConfigOrigin("command-line flag " + flag, null);
	}

	/**
	 * Returns the origin of a value read from an environment variable.
	 * @param variable the variable name
	 * @return the origin
	 */
	public static ConfigOrigin environment(String variable) {
		return new ConfigOrigin("environment variable " + variable, null);
	}

	/**
	 * Returns whether the value was read from a file, at a known position.
	 */
	public boolean hasPosition() {
		return this.position != null;
	}

	/**
	 * Returns {@code file:line:column} for file values, the description otherwise.
	 */
	@Override
	public String toString() {
		return (this.position != null) ? this.position.toString() : this.description;
	}

}
