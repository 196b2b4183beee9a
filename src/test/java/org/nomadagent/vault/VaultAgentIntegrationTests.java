package org.nomadagent.vault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of a real agent with Vault enabled: it starts and serves while Vault is unreachable and
 * connects once Vault appears, shows the connection in {@code /actuator/health} and
 * {@code /v1/agent/self}, and a client agent needs no token.
 */
class VaultAgentIntegrationTests {

	private static final String RETRY_INTERVAL = "nomad.vault.connection-retry-interval";

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void clearProperties() {
		System.clearProperty(RETRY_INTERVAL);
	}

	@Test
	void agentStartsAndServesWhileVaultIsUnreachableAndConnectsWhenItAppears() throws Exception {
		int port = TestAgent.freePort();
		System.setProperty(RETRY_INTERVAL, "200ms");
		String hcl = "vault {\n  enabled = true\n  address = \"http://127.0.0.1:" + port + "\"\n}\n";
		try (TestAgent agent = TestAgent.start(this.dir, hcl, Map.of("VAULT_TOKEN", "s.agent-root"), "-dev")) {
			assertThat(get(agent, "/v1/agent/self").statusCode()).isEqualTo(200);
			Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> "retrying".equals(vaultHealth(agent).get("state")));
			Map<String, Object> health = vaultHealth(agent);
			assertThat(health.get("status")).isEqualTo("DOWN");
			assertThat((String) health.get("reason")).startsWith("Get http://127.0.0.1:" + port + "/v1/sys/init: ")
				.containsIgnoringCase("connection refused");
			assertThat(vaultStats(agent)).containsEntry("state", "retrying");
			try (VaultStandIn vault = VaultStandIn.start(port)) {
				vault.addToken("s.agent-root", List.of("root"), "", 0, false);
				Awaitility.await().atMost(Duration.ofSeconds(10))
					.until(() -> "connected".equals(vaultHealth(agent).get("state")));
				assertThat(vaultHealth(agent).get("status")).isEqualTo("UP");
				assertThat(vaultStats(agent)).containsEntry("state", "connected")
					.containsEntry("active", "true")
					.containsEntry("token_ttl", "none");
				assertThat(vault.requests("GET", "/v1/auth/token/lookup-self").get(0).header("X-Vault-Token"))
					.isEqualTo("s.agent-root");
			}
		}
	}

	@Test
	void clientAgentWithVaultEnabledStartsWithoutATokenAndHasNoServerSideVault() throws Exception {
		String hcl = "data_dir = \"" + this.dir.resolve("data") + "\"\nclient {\n  enabled = true\n}\n"
				+ "vault {\n  enabled = true\n  address = \"http://127.0.0.1:1\"\n}\n";
		try (TestAgent agent = TestAgent.start(this.dir.resolve("config"), hcl)) {
			assertThat(agent.context().getBeanNamesForType(VaultConnection.class)).isEmpty();
			assertThat(agent.context().getBeanNamesForType(JobVaultPolicyChecker.class)).isEmpty();
			assertThat(json(get(agent, "/actuator/health").body())).extractingByKey("components")
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.doesNotContainKey("vault");
			assertThat(json(get(agent, "/v1/agent/self").body())).extractingByKey("stats")
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.doesNotContainKey("vault");
		}
	}

	private Map<String, Object> vaultHealth(TestAgent agent) throws Exception {
		Map<String, Object> components = VaultValues.object(json(get(agent, "/actuator/health").body()), "components");
		Map<String, Object> vault = VaultValues.object(components, "vault");
		Map<String, Object> flat = new LinkedHashMap<>(VaultValues.object(vault, "details"));
		flat.put("status", vault.get("status"));
		return flat;
	}

	private Map<String, Object> vaultStats(TestAgent agent) throws Exception {
		return VaultValues.object(VaultValues.object(json(get(agent, "/v1/agent/self").body()), "stats"), "vault");
	}

	HttpResponse<String> get(TestAgent agent, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(agent.url() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(String body) {
		return JsonMapper.shared().readValue(body, Map.class);
	}

}
