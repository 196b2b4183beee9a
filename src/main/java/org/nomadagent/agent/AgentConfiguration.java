package org.nomadagent.agent;

import java.util.List;

import org.nomadagent.config.AgentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The running agent's own components: its cluster view, the client's server list, its stats, its
 * leave procedure and its actuator info.
 */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

	@Bean
	ClusterState clusterState(AgentIdentity identity) {
		return new StandaloneClusterState(identity);
	}

	@Bean
	RuntimeStats runtimeStats() {
		return new RuntimeStats();
	}

	@Bean
	@ConditionalOnBooleanProperty("nomad.server.enabled")
	ServerStats serverStats(ClusterState cluster) {
		return new ServerStats(cluster);
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

}
