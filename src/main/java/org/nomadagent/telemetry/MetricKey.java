package org.nomadagent.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric key as Nomad's go-metrics holds it: a list of parts whose first is the service name
 * {@code nomad} ({@code [nomad, nomad, client, derive_vault_token]}). Each sink flattens the parts
 * its own way: statsd joins them with dots, Circonus with backticks.
 *
 * @param parts the parts, the service name first
 */
record MetricKey(List<String> parts) {

	/** The service name every key starts with, as in Nomad's {@code metrics.DefaultConfig("nomad")}. */
	static final String SERVICE = "nomad";

	MetricKey {
		parts = List.copyOf(parts);
	}

	/**
	 * Returns the key of a metric, the service name put in front.
	 * @param key the parts after the service name, such as {@code runtime, num_goroutines}
	 * @return the key
	 */
	static MetricKey of(String... key) {
		if (key.length == 0) {
			throw new IllegalArgumentException("A metric key needs at least one part");
		}
		List<String> parts = new ArrayList<>(key.length + 1);
		parts.add(SERVICE);
		for (String part : key) {
			if (part == null || part.isEmpty()) {
				throw new IllegalArgumentException("A metric key part must not be empty: " + List.of(key));
			}
			parts.add(part);
		}
		return new MetricKey(parts);
	}

	/**
	 * Returns the Micrometer meter name: the parts joined with dots, as written, so that
	 * {@code /actuator/metrics} shows the name a statsd daemon receives.
	 */
	String name() {
		return String.join(".", this.parts);
	}

	/**
	 * Returns the key with the host name as its second part, where go-metrics puts it for gauges.
	 * @param hostName the host name
	 * @return the key
	 */
	MetricKey withHostName(String hostName) {
		List<String> withHost = new ArrayList<>(this.parts);
		withHost.add(1, hostName);
		return new MetricKey(withHost);
	}

	/**
	 * Returns the key without the parts equal to the given text, as Nomad's DogStatsD sink takes
	 * the node name out of its keys.
	 * @param part the part to leave out; nothing is left out when it is empty
	 * @return the key
	 */
	MetricKey without(String part) {
		if (part.isEmpty() || !this.parts.contains(part)) {
			return this;
		}
		List<String> kept = new ArrayList<>(this.parts);
		kept.removeIf(part::equals);
		return new MetricKey(kept);
	}

	/**
	 * Returns the parts joined with the separator, every character in {@code replaced} turned
	 * into an underscore (go-metrics' {@code flattenKey}).
	 * @param separator the separator
	 * @param replaced the characters to replace
	 * @return the flat key
	 */
	String flatten(String separator, String replaced) {
		String joined = String.join(separator, this.parts);
		StringBuilder flat = new StringBuilder(joined.length());
		for (int i = 0; i < joined.length(); i++) {
			char c = joined.charAt(i);
			flat.append((replaced.indexOf(c) >= 0) ? '_' : c);
		}
		return flat.toString();
	}

}
