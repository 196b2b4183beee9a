package org.nomadagent.http;

import java.util.List;

import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.AgentStatsContributor;
import org.nomadagent.agent.ClientServers;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.agent.LiveAgentConfig;
import org.nomadagent.config.ConfigSwitches;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Nomad HTTP API on the agent's HTTP address and port: the endpoints, the response headers,
 * the error responses, and the debug routes when {@code enable_debug} is set.
 */
@Configuration(proxyBeanMethods = false)
@Import(HttpApiConfiguration.DebugBeans.class)
public class HttpApiConfiguration {

	@Bean
	AgentSelfView agentSelfView(LiveAgentConfig live, AgentIdentity identity,
			ObjectProvider<AgentStatsContributor> stats) {
		return new AgentSelfView(live, identity, List.copyOf(stats.orderedStream().toList()));
	}

	@Bean
	AgentEndpoint agentEndpoint(AgentSelfView self, AgentIdentity identity, ClientServers servers) {
		return new AgentEndpoint(self, identity, servers);
	}

	@Bean
	StatusEndpoint statusEndpoint(AgentIdentity identity, ClusterState cluster) {
		return new StatusEndpoint(identity, cluster);
	}

	@Bean
	ApiExceptionHandler apiExceptionHandler() {
		return new ApiExceptionHandler();
	}

	@Bean
	WebMvcConfigurer nomadApiHeaders(LiveAgentConfig live) {
		ApiResponseHeaders headers = new ApiResponseHeaders(live);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(headers).addPathPatterns("/v1/**");
			}

		};
	}

	/**
	 * The debug routes, there only when {@code enable_debug} is set.
	 */
	public static final class DebugBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (ConfigSwitches.isOn(environment, "nomad.enable-debug")) {
				registry.registerBean("debugEndpoint", DebugEndpoint.class,
						(bean) -> bean.supplier((context) -> new DebugEndpoint()));
			}
		}

	}

}
