package org.nomadagent.consul;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nomadagent.agent.AgentAddressResolver;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.ClientServers;
import org.nomadagent.agent.StandaloneClusterState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ConsulServerDiscovery} (a client's search for servers) and
 * {@link ConsulPeerDiscovery} (a server's search for peers) against a {@link ConsulStandIn} with
 * several datacenters.
 */
class ConsulDiscoveryIntegrationTests {

	private final ConsulStandIn consul = ConsulStandIn.start().datacenters("dc1", "dc2", "dc3");

	private final ConsulClient client = client(this.consul);

	private final ClientServers servers = new ClientServers(AgentAddressResolver.SYSTEM);

	private final AtomicLong clock = new AtomicLong();

	@AfterEach
	void stopConsul() {
		this.consul.close();
	}

	@Test
	void clientTakesTheServersOfTheFirstDatacenterThatHasAnyLocalFirst() {
		this.consul.catalogEntry("dc2", "s1", "10.0.2.1", "nomad", "rpc", "", 4647)
			.catalogEntry("dc2", "s2", "10.0.2.2", "nomad", "rpc", "10.0.2.22", 5647)
			.catalogEntry("dc3", "s3", "10.0.3.1", "nomad", "serf", "", 4648)
			.catalogEntry("dc1", "c1", "10.0.1.1", "nomad", "serf", "", 4648);
		ConsulServerDiscovery discovery = serverDiscovery("nomad");
		discovery.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.servers.endpoints().isEmpty());
		}
		finally {
			discovery.stop();
		}
		List<RecordedConsulRequest> queries = this.consul.requests("GET", "/v1/catalog/service/");
		assertThat(queries.get(0).query()).isEqualTo("dc=dc1&near=_agent&stale=&tag=rpc&wait=2000ms");
		assertThat(queries).allSatisfy((query) -> assertThat(query.path()).isEqualTo("/v1/catalog/service/nomad"));
		assertThat(this.servers.endpoints()).containsExactly("10.0.2.1:4647", "10.0.2.22:5647");
		assertThat(discovery.discovered()).containsExactly("10.0.2.1:4647", "10.0.2.22:5647");
	}

	@Test
	void clientSearchesEveryDatacenterInNomadsOrderUntilOneHasServers() {
		this.consul.catalogEntry("dc3", "s3", "10.0.3.1", "nomad", "rpc", "", 4647);
		ConsulServerDiscovery discovery = serverDiscovery("nomad");
		discovery.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.servers.endpoints().isEmpty());
		}
		finally {
			discovery.stop();
		}
		assertThat(this.servers.endpoints()).containsExactly("10.0.3.1:4647");
		List<String> datacenters = this.consul.requests("GET", "/v1/catalog/service/")
			.stream()
			.map((query) -> query.parameters().get("dc"))
			.toList();
		assertThat(datacenters).first().isEqualTo("dc1");
		assertThat(datacenters).last().isEqualTo("dc3");
	}

	@Test
	void clientThatFindsNoServersSaysSoInNomadsWordsAndKeepsSearching() {
		ConsulServerDiscovery discovery = serverDiscovery("nomad");
		discovery.start();
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.consul.requests("GET", "/v1/catalog/datacenters").size() >= 3);
			this.consul.catalogEntry("dc2", "s1", "10.0.2.1", "nomad", "rpc", "", 4647);
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.servers.endpoints().isEmpty());
		}
		finally {
			discovery.stop();
		}
		assertThat(this.servers.endpoints()).containsExactly("10.0.2.1:4647");
		assertThatExceptionOfType(ConsulDiscoveryException.class).isThrownBy(() -> {
			try (ConsulStandIn empty = ConsulStandIn.start()) {
				new ConsulServerDiscovery(client(empty), new ClientServers(AgentAddressResolver.SYSTEM), "nomad",
						ConsulFixtures.FAST, new Random()).search();
			}
		}).withMessage("no Nomad Servers advertising service \"nomad\" in Consul datacenters: [\"dc1\"]");
	}

	@Test
	void clientWithServersDoesNotSearch() {
		this.servers.configure(List.of("10.0.0.1"));
		ConsulServerDiscovery discovery = serverDiscovery("nomad");
		discovery.start();
		discovery.stop();
		assertThat(this.consul.requests()).isEmpty();
		assertThat(this.servers.endpoints()).containsExactly("10.0.0.1:4647");
	}

	@Test
	void serverWithoutLeaderFindsItsPeersInEveryDatacenterAndSkipsItself() {
		this.consul.catalogEntry("dc1", "me", "127.0.0.1", "nomad", "serf", "", 4648)
			.catalogEntry("dc1", "s1", "10.0.1.1", "nomad", "serf", "", 4648)
			.catalogEntry("dc2", "s2", "10.0.2.1", "nomad", "serf", "10.0.2.9", 4648)
			.catalogEntry("dc3", "s3", "10.0.3.1", "nomad", "rpc", "", 4647);
		ConsulPeerDiscovery discovery = peerDiscovery(ConsulFixtures.identity(true, false, 0, 4646));
		discovery.run();
		assertThat(discovery.discovered()).containsExactlyInAnyOrder("10.0.1.1:4648", "10.0.2.9:4648");
		assertThat(this.consul.requests("GET", "/v1/catalog/service/")).hasSize(3).allSatisfy((query) -> {
			assertThat(query.path()).isEqualTo("/v1/catalog/service/nomad");
			assertThat(query.parameters()).containsEntry("tag", "serf")
				.containsEntry("stale", "")
				.containsEntry("near", "_agent")
				.containsEntry("wait", "2000ms");
		});
	}

	@Test
	void serverWithLeaderNeverSearches() {
		ConsulPeerDiscovery discovery = peerDiscovery(ConsulFixtures.identity(true, false, 1, 4646));
		discovery.run();
		this.clock.addAndGet(Duration.ofHours(1).toNanos());
		discovery.run();
		assertThat(this.consul.requests()).isEmpty();
	}

	@Test
	void leaderlessServerSearchesAtOnceThenOnlyWhenItsTimerRunsOut() {
		ConsulPeerDiscovery discovery = peerDiscovery(ConsulFixtures.identity(true, false, 0, 4646));
		discovery.run();
		assertThat(datacenterQueries()).isEqualTo(1);
		this.clock.addAndGet(ConsulPeerDiscovery.PEERS_POLL_INTERVAL.toNanos() - 1);
		discovery.run();
		assertThat(datacenterQueries()).isEqualTo(1);
		this.clock.addAndGet(ConsulPeerDiscovery.PEERS_POLL_INTERVAL.toNanos() / 2 + 1);
		discovery.run();
		assertThat(datacenterQueries()).isEqualTo(2);
	}

	@Test
	void serverWaitingForItsExpectedPeersSearchesOnItsFirstRunWhateverTheTimer() {
		ConsulPeerDiscovery discovery = peerDiscovery(ConsulFixtures.identity(true, false, 3, 4646));
		this.clock.addAndGet(-Duration.ofMinutes(1).toNanos());
		discovery.run();
		assertThat(datacenterQueries()).isEqualTo(1);
		discovery.run();
		assertThat(datacenterQueries()).isEqualTo(1);
	}

	@Test
	void serverThatCannotListDatacentersFailsInNomadsWords() {
		ConsulPeerDiscovery discovery = peerDiscovery(ConsulFixtures.identity(true, false, 0, 4646));
		this.consul.close();
		assertThatExceptionOfType(ConsulDiscoveryException.class).isThrownBy(discovery::run)
			.withMessageStartingWith("server.consul: unable to query Consul datacenters: I/O error on GET request");
	}

	private long datacenterQueries() {
		return this.consul.requests("GET", "/v1/catalog/datacenters").size();
	}

	private ConsulServerDiscovery serverDiscovery(String serviceName) {
		return new ConsulServerDiscovery(this.client, this.servers, serviceName, ConsulFixtures.FAST, new Random());
	}

	private ConsulPeerDiscovery peerDiscovery(AgentIdentity identity) {
		return new ConsulPeerDiscovery(this.client, new StandaloneClusterState(identity), identity, "nomad",
				new Random(), this.clock::get);
	}

	private static ConsulClient client(ConsulStandIn consul) {
		try {
			return ConsulClientFactory.create(
					ConsulConnection.of(ConsulFixtures.properties("address=" + consul.address()),
							new ConsulEnvironment(java.util.Map.of(), Path.of("/"))),
					Path.of("/"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
