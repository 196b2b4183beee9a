package org.nomadagent.consul;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Warns, once the agent has started its components, that the client ignores {@code options}
 * keys starting with {@code consul} (the way Consul was configured before the {@code consul}
 * block existed), as Nomad v0.5's {@code clientConfig} does (reference §8.10).
 */
final class ClientConsulOptions implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(ClientConsulOptions.class);

	private final Map<String, String> options;

	ClientConsulOptions(Map<String, String> options) {
		this.options = Map.copyOf(options);
	}

	/**
	 * Returns the ignored keys, as {@code options.<key>}, sorted.
	 */
	List<String> ignoredKeys() {
		return this.options.keySet()
			.stream()
			.filter((key) -> key.startsWith("consul"))
			.sorted()
			.map((key) -> "options." + key)
			.toList();
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> ignored = ignoredKeys();
		if (!ignored.isEmpty()) {
			logger.warn("agent: Invalid keys: {}", String.join(",", ignored));
			logger.warn("agent: Nomad client ignores consul related configuration in client options. Please refer to "
					+ "the guide https://www.nomadproject.io/docs/agent/config.html#consul_options to configure Nomad "
					+ "to work with Consul.");
		}
	}

}
