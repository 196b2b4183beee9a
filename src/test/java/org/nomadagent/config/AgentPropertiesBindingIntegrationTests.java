package org.nomadagent.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.nomadagent.config.hcl.HclParser;
import org.nomadagent.consul.ConsulProperties;
import org.nomadagent.telemetry.TelemetryProperties;
import org.nomadagent.tls.TlsProperties;
import org.nomadagent.vault.VaultProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the effective configuration binds to the {@code @ConfigurationProperties} records
 * through {@link NomadConfigPropertySource}, with origins.
 */
class AgentPropertiesBindingIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(Records.class);

	@Test
	void fullFileBindsToTheRecords() throws Exception {
		AgentConfig config = effective(resource("full.hcl"));
		this.contextRunner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(NomadConfigPropertySource.of(config))).run((context) -> {
				AgentProperties agent = context.getBean(AgentProperties.class);
				assertThat(agent.region()).isEqualTo("eu-west");
				assertThat(agent.ports().http()).isEqualTo(5646);
				assertThat(agent.advertise().rpc()).isEqualTo("10.0.0.2:6000");
				assertThat(agent.httpApiResponseHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
				assertThat(agent.client().options()).containsEntry("driver.raw_exec.enable", "1");
				assertThat(agent.client().maxKillTimeout().duration()).isEqualTo(Duration.ofSeconds(90));
				assertThat(agent.client().maxKillTimeout().text()).isEqualTo("1m30s");
				assertThat(agent.client().reserved().parsedReservedPorts()).containsExactly(22L, 80L, 8000L, 8001L, 8002L);
				assertThat(agent.server().retryJoin()).containsExactly("10.0.0.21", "10.0.0.22");
				assertThat(agent.server().effectiveNodeGcThreshold()).isEqualTo(Duration.ofHours(12));
				assertThat(agent.server().encrypt().value()).isEqualTo("USQAMDDrYZs9h0oOkMQJSg==");
				assertThat(agent.atlas().token()).hasToString("<redacted>");
				ConsulProperties consul = context.getBean(ConsulProperties.class);
				assertThat(consul.timeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(consul.verifySsl()).isFalse();
				assertThat(consul.token().value()).isEqualTo("consul-secret");
				assertThat(consul.toString()).doesNotContain("consul-secret");
				VaultProperties vault = context.getBean(VaultProperties.class);
				assertThat(vault.isEnabled()).isTrue();
				assertThat(vault.allowUnauthenticated()).isFalse();
				assertThat(vault.taskTokenTtl()).isEqualTo("1h");
				assertThat(vault.toString()).doesNotContain("vault-secret");
				assertThat(context.getBean(TelemetryProperties.class).collectionInterval().duration())
					.isEqualTo(Duration.ofSeconds(5));
				assertThat(context.getBean(TlsProperties.class).http()).isTrue();
			});
	}

	@Test
	void defaultsOfTheRecordsAreNomads() {
		AgentConfig defaults = new AgentConfig(AgentDefaults.defaults(), false);
		this.contextRunner.run((empty) -> this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(NomadConfigPropertySource.of(defaults)))
			.run((bound) -> {
				for (Class<?> type : new Class<?>[] { AgentProperties.class, ConsulProperties.class,
						VaultProperties.class, TelemetryProperties.class, TlsProperties.class }) {
					assertThat(bound.getBean(type)).as(type.getSimpleName()).isEqualTo(empty.getBean(type));
				}
			}));
	}

	@Test
	void propertySourceNamesTheOriginOfEveryValue() throws Exception {
		OriginTrackedMapPropertySource source = NomadConfigPropertySource.of(effective(resource("full.hcl")));
		assertThat(source.getOrigin("nomad.region")).hasToString("full.hcl:2:14");
		assertThat(source.getOrigin("nomad.client.options[driver.raw_exec.enable]")).hasToString("full.hcl:52:32");
		assertThat(source.getOrigin("nomad.datacenter")).hasToString("full.hcl:3:14");
		assertThat(source.getOrigin("nomad.server.retry-join[1]")).hasToString("full.hcl:87:38");
	}

	@Test
	void bindingErrorNamesTheFileLineAndColumn() {
		// The validation refuses such values first; this shows what Spring reports if one got here.
		ConfigLayer layer = AgentConfigMerger.merge(AgentDefaults.defaults(), ConfigLayer.builder()
			.set("client.max_kill_timeout", "forever",
					ConfigOrigin.of(new org.nomadagent.config.hcl.Position("agent.hcl", 3, 22)))
			.build());
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(NomadConfigPropertySource.of(new AgentConfig(layer, false))))
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof BindException)) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(BindException.class);
				assertThat(((BindException) failure).getProperty().getOrigin()).hasToString("agent.hcl:3:22");
			});
	}

	private static AgentConfig effective(String hcl) throws Exception {
		AgentConfigDecoder.Result result = AgentConfigDecoder.decode(HclParser.parse("full.hcl", hcl));
		assertThat(result.problems()).isEmpty();
		return new AgentConfig(AgentConfigMerger.merge(AgentDefaults.defaults(), result.layer()), false);
	}

	private static String resource(String name) throws Exception {
		try (var in = AgentPropertiesBindingIntegrationTests.class.getResourceAsStream("/config/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AgentProperties.class, ConsulProperties.class, VaultProperties.class,
			TelemetryProperties.class, TlsProperties.class })
	static class Records {

	}

}
