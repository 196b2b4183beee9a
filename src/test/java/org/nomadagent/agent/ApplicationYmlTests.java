package org.nomadagent.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the top-level {@code application.yml}, the framework settings the container image
 * ships in its working directory and the Helm chart's probes rely on. It documents what
 * {@link AgentContextFactory#frameworkDefaults()} sets in code, so the two must never disagree.
 */
class ApplicationYmlTests {

	/** How long the agent's graceful leave may take (AgentSignals). */
	private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);

	/** The chart's terminationGracePeriodSeconds. */
	private static final Duration CHART_GRACE_PERIOD = Duration.ofSeconds(30);

	private static Map<String, String> settings;

	@BeforeAll
	static void load() throws IOException {
		// Surefire runs in the project's folder, where the file is.
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
				new FileSystemResource(Path.of("application.yml")));
		settings = new LinkedHashMap<>();
		for (PropertySource<?> source : sources) {
			EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
			for (String name : enumerable.getPropertyNames()) {
				settings.put(name, String.valueOf(enumerable.getProperty(name)));
			}
		}
	}

	@Test
	void everySettingIsTheOneTheAgentSetsInCode() {
		Map<String, Object> defaults = AgentContextFactory.frameworkDefaults();
		assertThat(settings).isNotEmpty();
		settings.forEach((name, value) -> assertThat(defaults).as(name).containsEntry(name, value));
	}

	@Test
	void probesAreEnabledOnTheApiPortWithoutExtraPaths() {
		assertThat(settings).containsEntry("management.endpoint.health.probes.enabled", "true")
			.containsEntry("management.endpoint.health.probes.add-additional-paths", "false")
			.doesNotContainKey("management.server.port");
	}

	@Test
	void probesDependOnTheApplicationStateOnly() {
		assertThat(settings).containsEntry("management.endpoint.health.group.liveness.include", "livenessState")
			.containsEntry("management.endpoint.health.group.readiness.include", "readinessState");
	}

	@Test
	void actuatorExposesHealthAndConfigurationOriginsButNoValue() {
		assertThat(settings.get("management.endpoints.web.exposure.include").split(",")).contains("health", "configprops")
			.doesNotContain("*", "env", "beans", "heapdump", "threaddump", "loggers");
		assertThat(settings).containsEntry("management.endpoint.configprops.show-values", "never");
	}

	@Test
	void shutdownIsGracefulAndFitsTheChartsGracePeriodAfterTheLeave() {
		assertThat(settings).containsEntry("server.shutdown", "graceful");
		Duration timeout = DurationStyle.detectAndParse(settings.get("spring.lifecycle.timeout-per-shutdown-phase"));
		assertThat(LEAVE_TIMEOUT.plus(timeout)).isLessThan(CHART_GRACE_PERIOD);
	}

	@Test
	void settingsTheAgentConfigurationDecidesAreNotWrittenHere() {
		// The agent's own property source overrides these (bind_addr, ports.http, tls.http,
		// log_level): writing them here would only mislead.
		assertThat(settings.keySet()).noneMatch((name) -> name.startsWith("server.port")
				|| name.startsWith("server.address") || name.startsWith("server.ssl") || name.startsWith("logging.level"));
	}

}
