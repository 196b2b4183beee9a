package org.nomadagent.consul;

import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.agent.ClientServers;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.config.AgentProperties;
import org.nomadagent.telemetry.NomadMetrics;
import org.nomadagent.tls.TlsSetupException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's Consul integration: the client, the registration of the agent's services and its
 * sync loop, the searches for servers, the {@code consul} health component and stats, all there
 * only when the agent has something to do with Consul ({@link ConditionalOnConsulUsed}); and the
 * warning about Consul settings in a client's {@code options}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsulConfiguration {

	/** Nomad's start-up error for TLS files the Consul client cannot use. */
	static final String TLS_FAILURE = "Error starting agent: Failed to initialize Consul syncer task: "
			+ "error creating tls client config for consul: ";

	@Bean
	@ConditionalOnConsulUsed
	@ConditionalOnMissingBean
	ConsulEnvironment consulEnvironment() {
		return ConsulEnvironment.current();
	}

	@Bean
	@ConditionalOnConsulUsed
	@ConditionalOnMissingBean
	ConsulSchedule consulSchedule() {
		return ConsulSchedule.NOMAD;
	}

	@Bean
	@ConditionalOnConsulUsed
	ConsulConnection consulConnection(ConsulProperties properties, ConsulEnvironment environment) {
		return ConsulConnection.of(properties, environment);
	}

	@Bean
	@ConditionalOnConsulUsed
	ConsulClient consulClient(ConsulConnection connection, ConsulEnvironment environment) {
		try {
			return ConsulClientFactory.create(connection, environment.workingDirectory());
		}
		catch (TlsSetupException ex) {
			throw new AgentStartupException(TLS_FAILURE + ex.getMessage(), ex);
		}
	}

	@Bean
	@ConditionalOnConsulUsed
	ConsulAvailability consulAvailability(ConsulConnection connection) {
		return new ConsulAvailability(connection.baseUrl());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "nomad.consul.auto-advertise", matchIfMissing = true)
	ConsulServiceRegistrar consulServiceRegistrar(ConsulClient consul, AgentIdentity identity,
			ConsulProperties properties, ObjectProvider<NomadMetrics> metrics) {
		return new ConsulServiceRegistrar(consul, AdvertisedService.of(identity, properties),
				metrics.getIfAvailable(() -> NomadMetrics.using(new SimpleMeterRegistry())));
	}

	@Bean
	@ConditionalOnBooleanProperty("nomad.server.enabled")
	@ConditionalOnBooleanProperty(name = "nomad.consul.server-auto-join", matchIfMissing = true)
	ConsulPeerDiscovery consulPeerDiscovery(ConsulClient consul, ClusterState cluster, AgentIdentity identity,
			ConsulProperties properties) {
		return new ConsulPeerDiscovery(consul, cluster, identity, properties.serverServiceName(), new Random(),
				System::nanoTime);
	}

	@Bean
	@ConditionalOnBooleanProperty("nomad.client.enabled")
	@ConditionalOnBooleanProperty(name = "nomad.consul.client-auto-join", matchIfMissing = true)
	ConsulServerDiscovery consulServerDiscovery(ConsulClient consul, ClientServers servers,
			ConsulProperties properties, ConsulSchedule schedule) {
		return new ConsulServerDiscovery(consul, servers, properties.serverServiceName(), schedule, new Random());
	}

	@Bean
	@ConditionalOnConsulUsed
	ConsulSyncLoop consulSyncLoop(ObjectProvider<ConsulServiceRegistrar> registrar,
			ObjectProvider<ConsulPeerDiscovery> peers, ConsulAvailability availability, ConsulSchedule schedule) {
		return new ConsulSyncLoop(registrar.getIfAvailable(), peers.getIfAvailable(), availability, schedule,
				new Random());
	}

	@Bean
	@ConditionalOnConsulUsed
	ConsulHealthIndicator consulHealthIndicator(ConsulAvailability availability) {
		return new ConsulHealthIndicator(availability);
	}

	@Bean
	@ConditionalOnBooleanProperty("nomad.client.enabled")
	ClientConsulOptions clientConsulOptions(AgentProperties agent) {
		return new ClientConsulOptions(agent.client().options());
	}

	@Bean
	@ConditionalOnConsulUsed
	ConsulStats consulStats(ConsulAvailability availability, ObjectProvider<ConsulServiceRegistrar> registrar,
			ObjectProvider<ConsulPeerDiscovery> peers, ObjectProvider<ConsulServerDiscovery> servers) {
		return new ConsulStats(availability, registrar.getIfAvailable(), peers.getIfAvailable(),
				servers.getIfAvailable());
	}

}
