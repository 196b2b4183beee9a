package org.nomadagent.config;

/**
 * One configuration value with its origin. The value is a {@link String}, {@link Long} or
 * {@link Boolean} as the key's {@link ValueKind} says.
 *
 * @param value the value; never {@literal null}
 * @param origin where the value came from; never {@literal null}
 */
public record Setting(Object value, ConfigOrigin origin) {

	public Setting {
		if (value == null || origin == null) {
			throw new IllegalArgumentException("A setting needs a value and an origin");
		}
	}

	/**
	 * Returns whether Nomad counts this value as empty, so that it does not override an earlier
	 * one: {@code ""}, {@code 0} or {@code false}.
	 */
	boolean isEmpty() {
		if (this.value instanceof String text) {
			return text.isEmpty();
		}
		if (this.value instanceof Long number) {
			return number == 0;
		}
		return Boolean.FALSE.equals(this.value);
	}

}
