package org.nomadagent.agent;

import org.nomadagent.config.AgentProperties;
import org.nomadagent.consul.ConsulConfiguration;
import org.nomadagent.consul.ConsulProperties;
import org.nomadagent.http.HttpApiConfiguration;
import org.nomadagent.telemetry.TelemetryConfiguration;
import org.nomadagent.telemetry.TelemetryProperties;
import org.nomadagent.tls.TlsProperties;
import org.nomadagent.vault.VaultConfiguration;
import org.nomadagent.vault.VaultProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The Spring application of a running agent. Auto-configuration is imported by name rather than
 * discovered: the agent needs a web server, MVC, actuator health, info and metrics, and nothing
 * else, and every auto-configuration left out is start-up time saved.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration.class,
		org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
		org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration.class,
		org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class,
		org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
		org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
		org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
		org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class,
		org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration.class,
		org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration.class,
		org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration.class,
		org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration.class,
		org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration.class,
		org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration.class,
		org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration.class,
		org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration.class,
		org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration.class,
		org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration.class,
		org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration.class,
		org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.actuate.endpoint.web.WebMvcHealthEndpointExtensionAutoConfiguration.class,
		org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
		org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class,
		org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration.class,
		org.springframework.boot.micrometer.metrics.autoconfigure.MetricsEndpointAutoConfiguration.class })
@EnableConfigurationProperties({ AgentProperties.class, TlsProperties.class, ConsulProperties.class,
		VaultProperties.class, TelemetryProperties.class })
@Import({ AgentConfiguration.class, AgentLoggingConfiguration.class, HttpApiConfiguration.class,
		ConsulConfiguration.class, VaultConfiguration.class, TelemetryConfiguration.class })
public class AgentApplication {

}
