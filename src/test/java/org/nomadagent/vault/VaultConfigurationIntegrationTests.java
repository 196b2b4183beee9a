package org.nomadagent.vault;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.agent.AgentStatsContributor;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.agent.StandaloneClusterState;
import org.nomadagent.config.ServiceAddress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the wiring of {@link VaultConfiguration}: which agents get which Vault components,
 * and the start-up failures of a server whose {@code vault} options cannot be used.
 */
class VaultConfigurationIntegrationTests {

	private static final String PREFIX = "Error starting agent: server setup failed: Failed to setup Vault client: ";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(AgentBaseConfiguration.class, VaultConfiguration.class)
		.withPropertyValues("nomad.vault.address=http://127.0.0.1:1");

	@Test
	void clientWithVaultEnabledGetsNoVaultComponentsAndNeedsNoToken() {
		this.contextRunner.withPropertyValues("nomad.client.enabled=true", "nomad.vault.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(VaultClient.class)
				.doesNotHaveBean(JobVaultPolicyChecker.class));
	}

	@Test
	void serverWithVaultOffGetsOnlyThePolicyCheck() {
		this.contextRunner.withPropertyValues("nomad.server.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(JobVaultPolicyChecker.class)
				.doesNotHaveBean(VaultClient.class)
				.doesNotHaveBean(VaultConnector.class));
	}

	@Test
	void serverWithVaultOnGetsTheWholeIntegration() {
		this.contextRunner
			.withPropertyValues("nomad.server.enabled=true", "nomad.vault.enabled=true", "nomad.vault.token=s.token")
			.run((context) -> assertThat(context).hasSingleBean(VaultClient.class)
				.hasSingleBean(VaultConnection.class)
				.hasSingleBean(VaultConnector.class)
				.hasSingleBean(TaskTokenDeriver.class)
				.hasSingleBean(AccessorRevoker.class)
				.hasSingleBean(VaultAccessorStore.class)
				.hasSingleBean(VaultTokenLookup.class)
				.hasSingleBean(JobVaultPolicyChecker.class)
				.hasSingleBean(AgentStatsContributor.class)
				.getBean("vaultHealthIndicator")
				.isInstanceOf(HealthIndicator.class));
	}

	@Test
	void serverWithVaultOnAndNoTokenFailsWithNomadsMessage() {
		this.contextRunner.withPropertyValues("nomad.server.enabled=true", "nomad.vault.enabled=true")
			.run((context) -> assertThat(startupFailure(context)).hasMessage(PREFIX + "Vault token must be set"));
	}

	@Test
	void taskTokenTtlThatDoesNotParseFailsWithNomadsMessage() {
		this.contextRunner
			.withPropertyValues("nomad.server.enabled=true", "nomad.vault.enabled=true", "nomad.vault.token=s.token",
					"nomad.vault.task-token-ttl=x")
			.run((context) -> assertThat(startupFailure(context))
				.hasMessage(PREFIX + "failed to parse TaskTokenTTL \"x\": time: invalid duration \"x\""));
	}

	@Test
	void clientCertificateWithoutKeyFailsWithNomadsMessage() {
		this.contextRunner
			.withPropertyValues("nomad.server.enabled=true", "nomad.vault.enabled=true", "nomad.vault.token=s.token",
					"nomad.vault.tls-cert-file=cert.pem")
			.run((context) -> assertThat(startupFailure(context)).hasMessage(
					PREFIX + "Failed to create Vault API config: Both client cert and client key must be provided"));
	}

	private static AgentStartupException startupFailure(AssertableApplicationContext context) {
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof AgentStartupException startup) {
				return startup;
			}
		}
		throw new AssertionError("No AgentStartupException in " + context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(VaultProperties.class)
	static class AgentBaseConfiguration {

		@Bean
		AgentIdentity agentIdentity() {
			ServiceAddress local = new ServiceAddress(InetAddress.getLoopbackAddress(), 4647);
			return new AgentIdentity("node", "global", "dc1", true, false, true, 0, local, local, local, local);
		}

		@Bean
		ClusterState clusterState(AgentIdentity identity) {
			return new StandaloneClusterState(identity);
		}

	}

}
