package org.nomadagent.telemetry;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.config.AgentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's telemetry: Nomad's sinks from the {@code telemetry} options, {@link NomadMetrics}
 * for every part of the agent to record under Nomad's names, the runtime metrics, the HTTP API
 * timers and the {@code SIGUSR1} dump. Micrometer's JVM and system meters are added to
 * {@code /actuator/metrics} under their own names; they never reach a sink.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ JvmMetricsAutoConfiguration.class, SystemMetricsAutoConfiguration.class })
public class TelemetryConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TelemetryConfiguration.class);

	@Bean
	MetricKeys nomadMetricKeys() {
		return new MetricKeys();
	}

	@Bean(destroyMethod = "close")
	TelemetrySinks telemetrySinks(TelemetryProperties telemetry, AgentProperties agent, MetricKeys keys,
			ObjectProvider<TelemetryTimings> timings) {
		warnOfClientMetrics(telemetry);
		try {
			return TelemetrySinks.start(telemetry, agent, LocalHostName.read(), keys,
					timings.getIfAvailable(() -> TelemetryTimings.NOMAD));
		}
		catch (IllegalArgumentException ex) {
			throw new AgentStartupException("Error initializing telemetry: " + ex.getMessage(), ex);
		}
	}

	@Bean
	NomadMetrics nomadMetrics(ObjectProvider<MeterRegistry> meterRegistry, TelemetrySinks sinks, MetricKeys keys) {
		CompositeMeterRegistry nomadMeters = new CompositeMeterRegistry(Clock.SYSTEM);
		// Boot's registry, so that /actuator/metrics shows Nomad's meters too.
		meterRegistry.ifAvailable(nomadMeters::add);
		sinks.registries().forEach(nomadMeters::add);
		return new NomadMetrics(nomadMeters, keys);
	}

	@Bean(destroyMethod = "close")
	RuntimeMetrics nomadRuntimeMetrics(NomadMetrics metrics) {
		return new RuntimeMetrics(metrics);
	}

	@Bean(destroyMethod = "close")
	MetricsDumpSignal nomadMetricsDumpSignal(TelemetrySinks sinks) {
		return new MetricsDumpSignal(sinks.inMemory(), System.err).install();
	}

	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<HttpRequestMetrics> nomadHttpRequestMetrics(NomadMetrics metrics) {
		FilterRegistrationBean<HttpRequestMetrics> registration = new FilterRegistrationBean<>(
				new HttpRequestMetrics(metrics));
		registration.addUrlPatterns("/v1/*");
		return registration;
	}

	/**
	 * Node and allocation metrics come from the client node, which is not built yet; say so
	 * rather than accept the options silently.
	 */
	private static void warnOfClientMetrics(TelemetryProperties telemetry) {
		if (telemetry.publishNodeMetrics()) {
			logger.warn("telemetry: publish_node_metrics is set, but this agent has no client node yet: "
					+ "no node metrics are published");
		}
		if (telemetry.publishAllocationMetrics()) {
			logger.warn("telemetry: publish_allocation_metrics is set, but this agent has no client node yet: "
					+ "no allocation metrics are published");
		}
	}

}
