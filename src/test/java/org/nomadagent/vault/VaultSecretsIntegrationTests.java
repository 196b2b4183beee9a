package org.nomadagent.vault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;
import org.nomadagent.config.Secret;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Greps a real agent for Vault tokens: the server's token, the submitters' tokens, the wrapping
 * tokens it hands out and the task tokens inside them must never appear in the logs (at TRACE),
 * in {@code /v1/agent/self}, in the actuator's health, configprops (with values shown), info or
 * metrics, or in the messages of the errors the agent returns.
 */
@ExtendWith(OutputCaptureExtension.class)
class VaultSecretsIntegrationTests {

	private static final List<String> PROPERTIES = List.of("management.endpoints.web.exposure.include",
			"management.endpoint.configprops.show-values");

	@TempDir
	Path dir;

	private final VaultStandIn vault = VaultStandIn.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void exposeEverything() {
		System.setProperty(PROPERTIES.get(0), "health,info,configprops,metrics");
		System.setProperty(PROPERTIES.get(1), "always");
	}

	@AfterEach
	void stop() {
		PROPERTIES.forEach(System::clearProperty);
		this.vault.close();
	}

	@Test
	void noTokenAppearsAnywhereTheAgentWritesOrAnswers(CapturedOutput output) throws Exception {
		String serverToken = this.vault.addToken("s.SERVER-TOKEN-not-to-be-seen", List.of("root"), "", 0, false);
		String submitter = this.vault.addToken("s.SUBMITTER-TOKEN-not-to-be-seen", List.of("foo"), "", 3600, true);
		String unknownSubmitter = "s.UNKNOWN-TOKEN-not-to-be-seen";
		List<String> secrets = new ArrayList<>(List.of(serverToken, submitter, unknownSubmitter));
		List<String> seen = new ArrayList<>();
		// No Consul here: switched off, so that the overall health is Vault's alone.
		String hcl = "log_level = \"TRACE\"\nvault {\n  enabled = true\n  address = \"" + this.vault.address()
				+ "\"\n}\nconsul {\n  auto_advertise = false\n  server_auto_join = false\n  client_auto_join = false\n}\n";
		try (TestAgent agent = TestAgent.start(this.dir, hcl, Map.of("VAULT_TOKEN", serverToken), "-dev")) {
			Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> agent.bean(VaultConnection.class).snapshot().state() == VaultConnection.State.CONNECTED);
			DerivedTaskTokens derived = agent.bean(TaskTokenDeriver.class)
				.derive(new TaskTokenRequest("node-1", "alloc-1", Map.of("web", List.of("foo"), "db", List.of("foo"))));
			derived.wrappingTokens().values().forEach((token) -> secrets.add(token.value()));
			this.vault.liveTokens()
				.stream()
				.filter((t) -> t.meta.containsKey("Task"))
				.forEach((t) -> secrets.add(t.id));
			assertThat(secrets).hasSize(7);
			JobVaultPolicyChecker checker = agent.bean(JobVaultPolicyChecker.class);
			Map<String, Map<String, List<String>>> policies = Map.of("web", Map.of("web", List.of("foo", "bar")));
			for (String token : List.of(submitter, unknownSubmitter)) {
				try {
					checker.check(new JobVaultPolicyRequest(policies, new Secret(token)));
				}
				catch (VaultOperationException ex) {
					seen.add(ex.getMessage());
				}
			}
			assertThat(seen).hasSize(2);
			this.vault.fail((r) -> r.path().startsWith("/v1/auth/token/create"), 1, 500, "internal error");
			try {
				agent.bean(TaskTokenDeriver.class)
					.derive(new TaskTokenRequest("node-1", "alloc-2", Map.of("web", List.of("foo"))));
			}
			catch (VaultOperationException ex) {
				seen.add(ex.getMessage());
			}
			agent.bean(AccessorRevoker.class).revoke(derived.accessors(), true);
			for (String path : List.of("/v1/agent/self", "/v1/agent/self?pretty", "/actuator/health",
					"/actuator/health/vault", "/actuator/configprops", "/actuator/info", "/actuator/metrics")) {
				HttpResponse<String> response = get(agent, path);
				assertThat(response.statusCode()).as(path).isEqualTo(200);
				seen.add(response.body());
			}
			assertThat(seen)
				.anySatisfy((body) -> assertThat(body).contains("nomad.vault").contains("connectionRetryInterval"));
		}
		seen.add(output.getAll());
		assertThat(output.getAll()).contains("vault: connection established")
			.contains("vault: Vault token creation failed");
		for (int i = 0; i < seen.size(); i++) {
			for (String secret : secrets) {
				// Say where, not what: the text itself would be long and would carry the token.
				assertThat(seen.get(i).contains(secret)).as("token %s shows in text #%d", secret, i).isFalse();
			}
		}
	}

	private HttpResponse<String> get(TestAgent agent, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(agent.url() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
