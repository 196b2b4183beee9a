package org.nomadagent.config;

/**
 * A configuration value that must never be shown: a token, a password, a key. Its
 * {@link #toString()} is {@code <redacted>} (or {@code ""} when empty), so it cannot leak through
 * logs, error messages or {@code /actuator/configprops}; code that needs the value asks for it.
 *
 * @param value the secret text, {@code ""} when not set
 */
public record Secret(String value) {

	/** An empty secret. */
	public static final Secret NONE = new Secret("");

	public Secret {
		value = (value != null) ? value : "";
	}

	/**
	 * Returns whether the secret is empty.
	 */
	public boolean isEmpty() {
		return this.value.isEmpty();
	}

	@Override
	public String toString() {
		return this.value.isEmpty() ? "" : AgentConfigView.REDACTED;
	}

}
