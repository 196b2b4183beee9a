package org.nomadagent.consul;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the Consul integration of a real agent, against a {@link ConsulStandIn}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsulAgentIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	@Test
	void devAgentAdvertisesNomadsServicesAndNothingElseThenDeregistersThemOnLeave() throws Exception {
		try (ConsulStandIn consul = ConsulStandIn.start();
				TestAgent agent = TestAgent.start(this.dir, consulBlock(consul), "-dev")) {
			await().atMost(WAIT).until(() -> consul.checks().size() == 3);
			int port = agent.httpPort();
			assertThat(consul.services()).containsOnlyKeys("_nomad-server-nomad-http", "_nomad-client-nomad-client-http");
			assertThat(consul.requests("PUT", "/v1/agent/service/register")).extracting(RecordedConsulRequest::body)
				.containsExactlyInAnyOrder(
						"{\"ID\":\"_nomad-server-nomad-http\",\"Name\":\"nomad\",\"Tags\":[\"http\"],\"Port\":" + port
								+ ",\"Address\":\"127.0.0.1\",\"Check\":null,\"Checks\":null}",
						"{\"ID\":\"_nomad-client-nomad-client-http\",\"Name\":\"nomad-client\",\"Tags\":[\"http\"],"
								+ "\"Port\":" + port + ",\"Address\":\"127.0.0.1\",\"Check\":null,\"Checks\":null}");
			String target = "127.0.0.1:" + port;
			assertThat(consul.requests("PUT", "/v1/agent/check/register")).extracting(RecordedConsulRequest::body)
				.containsExactlyInAnyOrder(
						"{\"ID\":\"" + sha1("_nomad-server-nomad-httpNomad Server HTTP Checktcp" + target + "10s6s")
								+ "\",\"Name\":\"Nomad Server HTTP Check\",\"ServiceID\":\"_nomad-server-nomad-http\","
								+ "\"Interval\":\"10s\",\"Timeout\":\"6s\",\"TCP\":\"" + target + "\"}",
						"{\"ID\":\"" + sha1("_nomad-client-nomad-client-httpNomad Client HTTP Checktcp" + target + "10s3s")
								+ "\",\"Name\":\"Nomad Client HTTP Check\",\"ServiceID\":\"_nomad-client-nomad-client-http\","
								+ "\"Interval\":\"10s\",\"Timeout\":\"3s\",\"TCP\":\"" + target + "\"}");
			JsonNode stats = json(agent, "/v1/agent/self").get("stats").get("consul");
			assertThat(stats.get("available").asString()).isEqualTo("true");
			assertThat(stats.get("registered_services").asString())
				.isEqualTo("_nomad-server-nomad-http,_nomad-client-nomad-client-http");
			JsonNode health = json(agent, "/actuator/health");
			assertThat(health.get("components").get("consul").get("status").asString()).isEqualTo("UP");
			agent.leave();
			assertThat(consul.services()).isEmpty();
		}
	}

	@Test
	void agentStartedTenSecondsBeforeConsulKeepsServingAndRegistersOnceConsulIsUp(CapturedOutput output)
			throws Exception {
		int consulPort = TestAgent.freePort();
		try (TestAgent agent = TestAgent.start(this.dir, "consul { address = \"127.0.0.1:" + consulPort + "\" }",
				"-dev")) {
			// Ten seconds without Consul: the agent serves, liveness stays UP, health says why.
			await().during(Duration.ofSeconds(10))
				.atMost(Duration.ofSeconds(20))
				.until(() -> get(agent, "/actuator/health/liveness").contains("\"UP\""));
			JsonNode consulHealth = json(agent, "/actuator/health").get("components").get("consul");
			assertThat(consulHealth.get("status").asString()).isEqualTo("DOWN");
			assertThat(json(agent, "/v1/agent/self").get("stats").get("consul").get("available").asString())
				.isEqualTo("false");
			try (ConsulStandIn consul = ConsulStandIn.start(consulPort)) {
				await().atMost(WAIT)
					.until(() -> consul.services().keySet().containsAll(
							List.of("_nomad-server-nomad-http", "_nomad-client-nomad-client-http"))
							&& consul.checks().size() == 3);
				String warning = "consul: cannot sync with Consul at http://127.0.0.1:" + consulPort;
				assertThat(output.getOut().split(warning, -1)).hasSize(2);
				agent.close();
				assertThat(consul.services()).isEmpty();
			}
		}
	}

	@Test
	void agentFindsServersAndPeersInTheCatalogOfSeveralDatacenters() throws Exception {
		try (ConsulStandIn consul = ConsulStandIn.start().datacenters("dc1", "dc2", "dc3")) {
			consul.catalogEntry("dc2", "server-a", "10.0.2.1", "nomad", "rpc", "", 4647)
				.catalogEntry("dc2", "server-b", "10.0.2.2", "nomad", "rpc", "10.0.2.20", 4647)
				.catalogEntry("dc1", "server-c", "10.0.1.3", "nomad", "serf", "", 4648)
				.catalogEntry("dc3", "server-d", "10.0.3.4", "nomad", "serf", "", 4648);
			String hcl = consulBlock(consul) + "data_dir = \"" + this.dir.resolve("data") + "\"\n"
					+ "server {\n  enabled = true\n  bootstrap_expect = 3\n}\nclient {\n  enabled = true\n}\n";
			try (TestAgent agent = TestAgent.start(this.dir, hcl)) {
				await().atMost(WAIT).until(() -> !get(agent, "/v1/agent/servers").equals("[]"));
				assertThat(get(agent, "/v1/agent/servers")).isEqualTo("[\"10.0.2.1:4647\",\"10.0.2.20:4647\"]");
				await().atMost(WAIT)
					.until(() -> !json(agent, "/v1/agent/self").get("stats")
						.get("consul")
						.get("discovered_peers")
						.asString()
						.isEmpty());
				JsonNode stats = json(agent, "/v1/agent/self").get("stats").get("consul");
				assertThat(stats.get("discovered_peers").asString().split(","))
					.containsExactlyInAnyOrder("10.0.1.3:4648", "10.0.3.4:4648");
				assertThat(stats.get("discovered_servers").asString()).isEqualTo("10.0.2.1:4647,10.0.2.20:4647");
				assertThat(consul.requests("GET", "/v1/catalog/service/")).allSatisfy(
						(query) -> assertThat(query.parameters()).containsEntry("stale", "").containsEntry("near", "_agent"));
			}
		}
	}

	private static String consulBlock(ConsulStandIn consul) {
		return "consul {\n  address = \"" + consul.address() + "\"\n}\n";
	}

	private String get(TestAgent agent, String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(agent.url() + path)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private JsonNode json(TestAgent agent, String path) throws Exception {
		return JsonMapper.builder().build().readTree(get(agent, path));
	}

	private static String sha1(String text) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest);
	}

}
