package org.nomadagent.consul;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.agent.AgentStatsContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsulConfiguration}: one condition a test. The Consul address is a port
 * nobody listens on; what the loop tries in the background does not matter here.
 */
class ConsulConfigurationIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void agentAdvertisingItselfHasTheClientTheRegistrarTheLoopTheHealthComponentAndTheStats() {
		runner(true, true).run((context) -> {
			assertThat(context).hasSingleBean(ConsulClient.class)
				.hasSingleBean(ConsulServiceRegistrar.class)
				.hasSingleBean(ConsulSyncLoop.class)
				.hasSingleBean(ConsulStats.class);
			assertThat(context.getBean("consulHealthIndicator")).isInstanceOf(HealthIndicator.class);
			assertThat(context.getBeansOfType(AgentStatsContributor.class)).containsKey("consulStats");
		});
	}

	@Test
	void autoAdvertiseOffLeavesOutTheRegistrar() {
		runner(true, false).withPropertyValues("nomad.consul.auto-advertise=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsulServiceRegistrar.class)
				.hasSingleBean(ConsulPeerDiscovery.class));
	}

	@Test
	void serverSearchesForPeers() {
		runner(true, false).run((context) -> assertThat(context).hasSingleBean(ConsulPeerDiscovery.class)
			.doesNotHaveBean(ConsulServerDiscovery.class));
	}

	@Test
	void serverAutoJoinOffLeavesOutThePeerSearch() {
		runner(true, false).withPropertyValues("nomad.consul.server-auto-join=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsulPeerDiscovery.class));
	}

	@Test
	void clientSearchesForServers() {
		runner(false, true).run((context) -> assertThat(context).hasSingleBean(ConsulServerDiscovery.class)
			.doesNotHaveBean(ConsulPeerDiscovery.class));
	}

	@Test
	void clientAutoJoinOffLeavesOutTheServerSearch() {
		runner(false, true).withPropertyValues("nomad.consul.client-auto-join=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsulServerDiscovery.class));
	}

	@Test
	void agentWithNothingToDoWithConsulHasNoConsulBeans() {
		runner(true, true)
			.withPropertyValues("nomad.consul.auto-advertise=false", "nomad.consul.server-auto-join=false",
					"nomad.consul.client-auto-join=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsulClient.class)
				.doesNotHaveBean(ConsulSyncLoop.class)
				.doesNotHaveBean("consulHealthIndicator")
				.doesNotHaveBean(ConsulStats.class));
	}

	@Test
	void clientGetsTheWarningAboutConsulOptionsEvenWithoutConsul() {
		runner(false, true)
			.withPropertyValues("nomad.consul.auto-advertise=false", "nomad.consul.client-auto-join=false",
					"nomad.client.options[consul.address]=127.0.0.1:8500")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ConsulClient.class);
				assertThat(context.getBean(ClientConsulOptions.class).ignoredKeys())
					.containsExactly("options.consul.address");
			});
	}

	@Test
	void serverGetsNoWarningAboutClientOptions() {
		runner(true, false).run((context) -> assertThat(context).doesNotHaveBean(ClientConsulOptions.class));
	}

	@Test
	void environmentGivesTheAddressWhenTheConsulBlockDoesNot() {
		ConsulEnvironment environment = new ConsulEnvironment(Map.of("CONSUL_HTTP_ADDR", "127.0.0.1:1234"), this.dir);
		ConsulFixtures.runner(ConsulFixtures.identity(false, true, 0, 4646), "", environment)
			.run((context) -> assertThat(context.getBean(ConsulConnection.class).baseUrl())
				.hasToString("http://127.0.0.1:1234"));
	}

	@Test
	void unusableTlsFileStopsTheStartWithNomadsMessage() throws Exception {
		Path ca = Files.writeString(this.dir.resolve("ca.pem"), "not a certificate");
		runner(false, true).withPropertyValues("nomad.consul.ssl=true", "nomad.consul.ca-file=" + ca)
			.run((context) -> assertThat(startupException(context.getStartupFailure())).hasMessage(
					"Error starting agent: Failed to initialize Consul syncer task: error creating tls client "
							+ "config for consul: no PEM certificate found in " + ca));
	}

	private static AgentStartupException startupException(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof AgentStartupException startup) {
				return startup;
			}
		}
		throw new AssertionError("No AgentStartupException in " + failure, failure);
	}

	private ApplicationContextRunner runner(boolean server, boolean client) {
		return ConsulFixtures.runner(ConsulFixtures.identity(server, client, 0, 4646), "127.0.0.1:1", this.dir);
	}

}
