package org.nomadagent.agent;

import java.util.List;

import org.nomadagent.config.AgentProperties;
import org.nomadagent.config.ConfigSwitches;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The running agent's own components: its cluster view, the client's server list, its stats, its
 * leave procedure and its actuator info.
 */
@Configuration(proxyBeanMethods = false)
@Import(AgentConfiguration.ServerBeans.class)
public class AgentConfiguration {

	@Bean
	ClusterState clusterState(AgentIdentity identity) {
		return new StandaloneClusterState(identity);
	}

	@Bean
	RuntimeStats runtimeStats() {
		return new RuntimeStats();
	}

	@Bean
	ClientServers clientServers(AgentProperties properties) {
		ClientServers servers = new ClientServers(AgentAddressResolver.SYSTEM);
		if (properties.client().enabled()) {
			servers.configure(properties.client().servers());
		}
		return servers;
	}

	@Bean
	AgentLifecycle agentLifecycle(ApplicationEventPublisher events, ObjectProvider<AgentLeave> leaves) {
		return new AgentLifecycle(events, () -> List.copyOf(leaves.orderedStream().toList()));
	}

	@Bean
	SanitizingFunction agentSecretsSanitizer() {
		return SecretProperties.sanitizer();
	}

	@Bean
	InfoContributor agentInfoContributor(AgentIdentity identity) {
		return new AgentInfoContributor(identity);
	}

	/**
	 * What only a server has: the {@code nomad} stats section.
	 */
	public static final class ServerBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (ConfigSwitches.isOn(environment, "nomad.server.enabled")) {
				registry.registerBean("serverStats", ServerStats.class,
						(bean) -> bean.supplier((context) -> new ServerStats(context.bean(ClusterState.class))));
			}
		}

	}

}
