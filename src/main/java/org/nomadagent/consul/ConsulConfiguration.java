package org.nomadagent.consul;

import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.agent.ClientServers;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.config.AgentProperties;
import org.nomadagent.config.ConfigSwitches;
import org.nomadagent.telemetry.NomadMetrics;
import org.nomadagent.tls.TlsSetupException;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The agent's Consul integration: the client, the registration of the agent's services and its
 * sync loop, the searches for servers, the {@code consul} health component and stats, all there
 * only when the agent has something to do with Consul; and the warning about Consul settings in a
 * client's {@code options}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConsulConfiguration.ConsulBeans.class)
public class ConsulConfiguration {

	/** Nomad's start-up error for TLS files the Consul client cannot use. */
	static final String TLS_FAILURE = "Error starting agent: Failed to initialize Consul syncer task: "
			+ "error creating tls client config for consul: ";

	/**
	 * Registers the Consul components the configuration asks for, decided at every start
	 * ({@link ConfigSwitches}).
	 *
	 * <p>
	 * The agent has something to do with Consul when it advertises its services
	 * ({@code auto_advertise}), or is a server that searches for peers ({@code server_auto_join}),
	 * or a client that searches for servers ({@code client_auto_join}). Otherwise it never contacts
	 * Consul; Nomad v0.5 polled it every five seconds all the same.
	 *
	 * <p>
	 * The environment and the schedule are unnamed fallbacks: a bean of the same type registered
	 * elsewhere (a test's) replaces them, whatever its name.
	 */
	public static final class ConsulBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			boolean server = ConfigSwitches.isOn(environment, "nomad.server.enabled");
			boolean client = ConfigSwitches.isOn(environment, "nomad.client.enabled");
			boolean advertises = ConfigSwitches.isOnUnlessOff(environment, "nomad.consul.auto-advertise");
			boolean searchesPeers = server && ConfigSwitches.isOnUnlessOff(environment, "nomad.consul.server-auto-join");
			boolean searchesServers = client
					&& ConfigSwitches.isOnUnlessOff(environment, "nomad.consul.client-auto-join");
			if (client) {
				registry.registerBean("clientConsulOptions", ClientConsulOptions.class, (bean) -> bean.supplier(
						(context) -> new ClientConsulOptions(context.bean(AgentProperties.class).client().options())));
			}
			if (!advertises && !searchesPeers && !searchesServers) {
				return;
			}
			registerClient(registry);
			if (advertises) {
				registry.registerBean("consulServiceRegistrar", ConsulServiceRegistrar.class,
						(bean) -> bean.supplier((context) -> new ConsulServiceRegistrar(context.bean(ConsulClient.class),
								AdvertisedService.of(context.bean(AgentIdentity.class),
										context.bean(ConsulProperties.class)),
								context.beanProvider(NomadMetrics.class)
									.getIfAvailable(() -> NomadMetrics.using(new SimpleMeterRegistry())))));
			}
			if (searchesPeers) {
				registry.registerBean("consulPeerDiscovery", ConsulPeerDiscovery.class,
						(bean) -> bean.supplier((context) -> new ConsulPeerDiscovery(context.bean(ConsulClient.class),
								context.bean(ClusterState.class), context.bean(AgentIdentity.class),
								context.bean(ConsulProperties.class).serverServiceName(), new Random(),
								System::nanoTime)));
			}
			if (searchesServers) {
				registry.registerBean("consulServerDiscovery", ConsulServerDiscovery.class,
						(bean) -> bean.supplier((context) -> new ConsulServerDiscovery(context.bean(ConsulClient.class),
								context.bean(ClientServers.class),
								context.bean(ConsulProperties.class).serverServiceName(),
								context.bean(ConsulSchedule.class), new Random())));
			}
			registry.registerBean("consulSyncLoop", ConsulSyncLoop.class,
					(bean) -> bean.supplier((context) -> new ConsulSyncLoop(
							context.beanProvider(ConsulServiceRegistrar.class).getIfAvailable(),
							context.beanProvider(ConsulPeerDiscovery.class).getIfAvailable(),
							context.bean(ConsulAvailability.class), context.bean(ConsulSchedule.class),
							new Random())));
			registry.registerBean("consulHealthIndicator", ConsulHealthIndicator.class, (bean) -> bean
				.supplier((context) -> new ConsulHealthIndicator(context.bean(ConsulAvailability.class))));
			registry.registerBean("consulStats", ConsulStats.class,
					(bean) -> bean.supplier((context) -> new ConsulStats(context.bean(ConsulAvailability.class),
							context.beanProvider(ConsulServiceRegistrar.class).getIfAvailable(),
							context.beanProvider(ConsulPeerDiscovery.class).getIfAvailable(),
							context.beanProvider(ConsulServerDiscovery.class).getIfAvailable())));
		}

		/**
		 * The client and what it is made of: the environment it reads ({@code CONSUL_*}), the
		 * connection settings, the schedule of its loops and the availability it reports.
		 */
		private static void registerClient(BeanRegistry registry) {
			registry.registerBean(ConsulEnvironment.class,
					(bean) -> bean.fallback().supplier((context) -> ConsulEnvironment.current()));
			registry.registerBean(ConsulSchedule.class,
					(bean) -> bean.fallback().supplier((context) -> ConsulSchedule.NOMAD));
			registry.registerBean("consulConnection", ConsulConnection.class,
					(bean) -> bean.supplier((context) -> ConsulConnection.of(context.bean(ConsulProperties.class),
							context.bean(ConsulEnvironment.class))));
			registry.registerBean("consulClient", ConsulClient.class,
					(bean) -> bean.supplier((context) -> client(context.bean(ConsulConnection.class),
							context.bean(ConsulEnvironment.class))));
			registry.registerBean("consulAvailability", ConsulAvailability.class, (bean) -> bean
				.supplier((context) -> new ConsulAvailability(context.bean(ConsulConnection.class).baseUrl())));
		}

		private static ConsulClient client(ConsulConnection connection, ConsulEnvironment environment) {
			try {
				return ConsulClientFactory.create(connection, environment.workingDirectory());
			}
			catch (TlsSetupException ex) {
				throw new AgentStartupException(TLS_FAILURE + ex.getMessage(), ex);
			}
		}

	}

}
