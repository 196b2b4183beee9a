package org.nomadagent.consul;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nomadagent.agent.AgentAddressResolver;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.ClientServers;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.agent.StandaloneClusterState;
import org.nomadagent.config.AgentProperties;
import org.nomadagent.config.ServiceAddress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Agents, properties and application contexts for the Consul tests.
 */
final class ConsulFixtures {

	/** A schedule fast enough for tests: syncs every 200ms, retries from 50ms. */
	static final ConsulSchedule FAST = new ConsulSchedule(Duration.ofMillis(200), Duration.ofMillis(50),
			Duration.ofMillis(200));

	private ConsulFixtures() {
	}

	/**
	 * Binds the {@code consul} block from {@code key=value} pairs (keys after
	 * {@code nomad.consul.}), with the record's defaults for the rest.
	 */
	static ConsulProperties properties(String... keyValues) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String keyValue : keyValues) {
			int equals = keyValue.indexOf('=');
			values.put("nomad.consul." + keyValue.substring(0, equals), keyValue.substring(equals + 1));
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("nomad.consul",
				ConsulProperties.class);
	}

	/**
	 * An agent bound to and advertising 127.0.0.1, with HTTP on a port.
	 */
	static AgentIdentity identity(boolean server, boolean client, long bootstrapExpect, int httpPort) {
		return identity(server, client, bootstrapExpect, "127.0.0.1", httpPort, "127.0.0.1", httpPort);
	}

	/**
	 * An agent with given HTTP bind and advertise addresses.
	 */
	static AgentIdentity identity(boolean server, boolean client, long bootstrapExpect, String bindHost, int bindPort,
			String advertiseHost, int advertisePort) {
		return new AgentIdentity("node1", "global", "dc1", server, client, false, bootstrapExpect,
				address(bindHost, bindPort), address(advertiseHost, advertisePort), address("127.0.0.1", 4647),
				address("127.0.0.1", 4648));
	}

	static ServiceAddress address(String ip, int port) {
		try {
			return new ServiceAddress(InetAddress.getByName(ip), port);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * A context with the Consul configuration and the agent parts it needs, talking to a Consul
	 * at an address on the fast schedule, with an empty environment.
	 */
	static ApplicationContextRunner runner(AgentIdentity identity, String consulAddress, Path workingDirectory) {
		return runner(identity, consulAddress, new ConsulEnvironment(Map.of(), workingDirectory));
	}

	/**
	 * A context with the Consul configuration and the agent parts it needs, talking to a Consul
	 * at an address on the fast schedule, with the given environment.
	 */
	static ApplicationContextRunner runner(AgentIdentity identity, String consulAddress,
			ConsulEnvironment environment) {
		ClientServers servers = new ClientServers(AgentAddressResolver.SYSTEM);
		return new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class)
			.withPropertyValues("nomad.server.enabled=" + identity.server(),
					"nomad.client.enabled=" + identity.client(), "nomad.consul.address=" + consulAddress)
			.withBean(AgentIdentity.class, () -> identity)
			.withBean(ClusterState.class, () -> new StandaloneClusterState(identity))
			.withBean(ClientServers.class, () -> servers)
			.withBean(ConsulSchedule.class, () -> FAST)
			.withBean(ConsulEnvironment.class, () -> environment)
			.withUserConfiguration(ConsulConfiguration.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AgentProperties.class, ConsulProperties.class })
	static class PropertiesConfiguration {

	}

}
