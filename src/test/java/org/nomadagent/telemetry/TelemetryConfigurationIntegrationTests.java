package org.nomadagent.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.config.AgentProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TelemetryConfiguration}: which sinks the options start, and the start-up
 * errors.
 */
class TelemetryConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withUserConfiguration(Options.class, TelemetryConfiguration.class);

	@Test
	void withoutSinkOptionsOnlyTheInMemorySinkRuns() {
		this.runner.run((context) -> {
			TelemetrySinks sinks = context.getBean(TelemetrySinks.class);
			assertThat(sinks.hasExternalSinks()).isFalse();
			assertThat(sinks.registries()).hasSize(1);
		});
	}

	@Test
	void eachSinkOptionStartsASink() {
		this.runner
			.withPropertyValues("nomad.telemetry.statsd-address=127.0.0.1:8125",
					"nomad.telemetry.statsite-address=127.0.0.1:8125", "nomad.telemetry.datadog-address=127.0.0.1:8126",
					"nomad.telemetry.circonus-submission-url=http://127.0.0.1:1/module/httptrap/u/s")
			.run((context) -> {
				TelemetrySinks sinks = context.getBean(TelemetrySinks.class);
				assertThat(sinks.hasExternalSinks()).isTrue();
				assertThat(sinks.registries()).hasSize(5);
			});
	}

	@Test
	void invalidAddressFailsStartUpWithNomadsMessage() {
		this.runner.withPropertyValues("nomad.telemetry.datadog-address=datadog").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(startupException(context.getStartupFailure())).hasMessage(
					"Error initializing telemetry: datadog_address \"datadog\": address datadog: missing port in address");
		});
	}

	@Test
	void invalidCirconusIntervalFailsStartUp() {
		this.runner
			.withPropertyValues("nomad.telemetry.circonus-api-token=token",
					"nomad.telemetry.circonus-submission-interval=10")
			.run((context) -> assertThat(startupException(context.getStartupFailure()))
				.hasMessage("Error initializing telemetry: time: missing unit in duration \"10\""));
	}

	@Test
	void nomadMetricsAreAlsoInBootsRegistry() {
		this.runner.run((context) -> {
			context.getBean(NomadMetrics.class).counter("nomad", "rpc", "query").increment();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("nomad.nomad.rpc.query").counter().count()).isEqualTo(1);
			assertThat(registry.find("nomad.runtime.num_goroutines").gauge()).isNotNull();
		});
	}

	@Test
	void httpApiTimerRunsInAWebApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class))
			.withUserConfiguration(Options.class, TelemetryConfiguration.class)
			.run((context) -> assertThat(context.getBean(FilterRegistrationBean.class).getUrlPatterns())
				.containsExactly("/v1/*"));
	}

	private static AgentStartupException startupException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AgentStartupException startup) {
				return startup;
			}
		}
		throw new AssertionError("no AgentStartupException in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ TelemetryProperties.class, AgentProperties.class })
	static class Options {

	}

}
