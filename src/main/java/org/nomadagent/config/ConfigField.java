package org.nomadagent.config;

/**
 * One key of the agent configuration: its HCL name, where it sits, what it holds, how it merges
 * and how {@code /v1/agent/self} shows it.
 *
 * @param path the dotted HCL path ({@code client.max_kill_timeout}); the last element is the key
 * @param goName the Go field name Nomad's JSON shows ({@code MaxKillTimeout})
 * @param kind what the key holds
 * @param mergeRule how a later source combines with an earlier one
 * @param exposure how the API shows the value
 * @param nullWhenEmpty for lists: whether the API shows an empty list as {@code null} (Go's nil
 * slice) rather than {@code []}
 */
public record ConfigField(String path, String goName, ValueKind kind, MergeRule mergeRule, Exposure exposure,
		boolean nullWhenEmpty) {

	/**
	 * Returns the key, the last element of the path.
	 */
	public String key() {
		int dot = this.path.lastIndexOf('.');
		return (dot < 0) ? this.path : this.path.substring(dot + 1);
	}

	/**
	 * Returns the name of the Spring property that holds this key: {@code nomad.} followed by
	 * the path in kebab case ({@code nomad.client.max-kill-timeout}).
	 */
	public String propertyName() {
		return "nomad." + this.path.replace('_', '-');
	}

	/**
	 * How the API shows a configuration value.
	 */
	public enum Exposure {

		/** Shown as it is. */
		SHOWN,

		/** Shown as {@code "<redacted>"} when set, {@code ""} otherwise (tokens, credentials). */
		REDACTED,

		/** Never shown (Nomad's {@code json:"-"} fields: the Atlas token, the gossip key). */
		HIDDEN

	}

}
