package org.nomadagent.vault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nomadagent.vault.VaultConnection.State;
import org.nomadagent.vault.VaultStandIn.Recorded;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TaskTokenDeriver} against a {@link VaultStandIn}: the exact requests for
 * root and role server tokens, what the client unwraps, the accessors recorded, parallelism, and
 * what happens when one creation fails.
 */
class TaskTokenDeriverIntegrationTests {

	private static final Map<String, Object> ROLE = Map.of("explicit_max_ttl", 0, "orphan", false, "period", 259200,
			"renewable", true);

	private final VaultStandIn vault = VaultStandIn.start();

	private VaultComponents components;

	@AfterEach
	void stop() {
		if (this.components != null) {
			this.components.close();
		}
		this.vault.close();
	}

	@Test
	void rootServerTokenCreatesPeriodicWrappedTokensWithNomadsExactRequest() throws Exception {
		String token = this.vault.addRootToken();
		connect(token, "");
		DerivedTaskTokens derived = this.components.deriver
			.derive(new TaskTokenRequest("node-1", "alloc-1", Map.of("web", List.of("foo", "bar"))));
		Recorded create = this.vault.requests("POST", "/v1/auth/token/create").get(0);
		assertThat(create.path()).isEqualTo("/v1/auth/token/create");
		assertThat(create.header("X-Vault-Token")).isEqualTo(token);
		assertThat(create.header("X-Vault-Wrap-TTL")).isEqualTo("60s");
		assertThat(create.body()).isEqualTo("{\"policies\":[\"foo\",\"bar\"],\"meta\":{\"AllocationID\":\"alloc-1\","
				+ "\"NodeID\":\"node-1\",\"Task\":\"web\"},\"ttl\":\"72h\",\"period\":\"72h\","
				+ "\"display_name\":\"alloc-1-web\",\"num_uses\":0}");
		assertThat(derived.wrappingTokens()).containsOnlyKeys("web");
		Map<String, Object> unwrapped = unwrap(derived.wrappingTokens().get("web").value());
		Map<String, Object> auth = VaultValues.object(unwrapped, "auth");
		assertThat(VaultValues.texts(auth, "policies")).contains("foo", "bar");
		assertThat(VaultValues.object(auth, "metadata")).containsEntry("AllocationID", "alloc-1")
			.containsEntry("NodeID", "node-1")
			.containsEntry("Task", "web");
		StandInToken taskToken = this.vault.token(VaultValues.text(auth, "client_token"));
		assertThat(taskToken.creationTtl).isEqualTo(Duration.ofHours(72).toSeconds());
		assertThat(derived.accessors()).containsExactly(new VaultAccessor(taskToken.accessor, "web", "node-1",
				"alloc-1", Duration.ofHours(72).toSeconds()));
		assertThat(this.components.store.all()).isEqualTo(derived.accessors());
		// Nomad's timer of the derivation.
		assertThat(this.components.meters.get("nomad.nomad.client.derive_vault_token").timer().count()).isOne();
	}

	@Test
	void roleServerTokenCreatesTokensThroughItsRoleWithoutAPeriod() {
		this.vault.addRole("nomad-cluster", ROLE);
		String token = this.vault.addToken(List.of("nomad-server"), "nomad-cluster", 3600, true);
		connect(token, "1h");
		this.components.deriver.derive(new TaskTokenRequest("node-1", "alloc-1", Map.of("web", List.of("foo"))));
		Recorded create = this.vault.requests("POST", "/v1/auth/token/create").get(0);
		assertThat(create.path()).isEqualTo("/v1/auth/token/create/nomad-cluster");
		assertThat(create.header("X-Vault-Token")).isEqualTo(token);
		assertThat(create.header("X-Vault-Wrap-TTL")).isEqualTo("60s");
		assertThat(create.body()).isEqualTo("{\"policies\":[\"foo\"],\"meta\":{\"AllocationID\":\"alloc-1\","
				+ "\"NodeID\":\"node-1\",\"Task\":\"web\"},\"ttl\":\"1h\",\"display_name\":\"alloc-1-web\","
				+ "\"num_uses\":0}");
	}

	@Test
	void twentyTasksAreCreatedAtMostSixteenAtATime() {
		connect(this.vault.addRootToken(), "");
		this.vault.holdUntilInFlight(TaskTokenDeriver.MAX_PARALLEL);
		this.vault.delay(Duration.ofMillis(50));
		DerivedTaskTokens derived = this.components.deriver.derive(request(20));
		assertThat(derived.wrappingTokens()).hasSize(20);
		assertThat(derived.accessors()).hasSize(20);
		assertThat(this.vault.maxInFlight()).isEqualTo(TaskTokenDeriver.MAX_PARALLEL);
	}

	@Test
	void oneFailureAmongTwentyTasksRevokesEveryTokenAlreadyCreated() {
		connect(this.vault.addRootToken(), "");
		this.vault.delay(Duration.ofMillis(20));
		this.vault.fail((r) -> r.body().contains("\"Task\":\"task-17\""), 1, 400, "permission denied");
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> this.components.deriver.derive(request(20)))
			.withMessage("failed to create token for task \"task-17\": Error making API request.\n\nURL: POST "
					+ this.vault.address() + "/v1/auth/token/create\nCode: 400. Errors:\n\n* permission denied")
			.satisfies((ex) -> assertThat(ex.recoverable()).isFalse());
		List<Recorded> creations = this.vault.requests("POST", "/v1/auth/token/create");
		List<Recorded> revocations = this.vault.requests("POST", "/v1/auth/token/revoke-accessor/");
		// Every token made before the failure stopped the workers was revoked, and none is left.
		assertThat(revocations).hasSize(creations.size() - 1);
		assertThat(this.vault.liveTokens()).noneMatch((t) -> t.meta.containsKey("Task"));
		assertThat(this.components.store.all()).isEmpty();
	}

	@Test
	void failureVaultDidNotRefuseIsRecoverable() {
		connect(this.vault.addRootToken(), "");
		this.vault.fail((r) -> r.path().startsWith("/v1/auth/token/create"), 1, 500, "internal error");
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> this.components.deriver.derive(request(1)))
			.satisfies((ex) -> assertThat(ex.recoverable()).isTrue());
	}

	@Test
	void invalidRequestIsNotRecoverable() {
		connect(this.vault.addRootToken(), "");
		this.vault.fail((r) -> r.path().startsWith("/v1/auth/token/create"), 1, 400, "invalid request");
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> this.components.deriver.derive(request(1)))
			.satisfies((ex) -> assertThat(ex.recoverable()).isFalse());
	}

	@Test
	void serverThatDoesNotLeadRefusesWithARecoverableError() {
		connect(this.vault.addRootToken(), "");
		this.components.leader.set(false);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> this.components.deriver.derive(request(1)))
			.withMessage("failed to create token for task \"task-0\": Vault client not active")
			.satisfies((ex) -> assertThat(ex.recoverable()).isTrue());
		assertThat(this.vault.requests("POST", "/v1/auth/token/create")).isEmpty();
	}

	@Test
	void failedConnectionRefusesWithAnUnrecoverableError() {
		this.components = VaultComponents.of(this.vault.address(), "s.unknown").connectUntil(State.FAILED);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> this.components.deriver.derive(request(1)))
			.withMessageStartingWith("failed to create token for task \"task-0\": Connection to Vault failed: "
					+ "failed to lookup Vault periodic token: ")
			.satisfies((ex) -> assertThat(ex.recoverable()).isFalse());
	}

	@Test
	void requestWithoutPoliciesForATaskIsRefusedBeforeVaultIsAsked() {
		connect(this.vault.addRootToken(), "");
		Map<String, List<String>> tasks = new LinkedHashMap<>();
		tasks.put("web", List.of("foo"));
		tasks.put("a", List.of());
		tasks.put("b", List.of());
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> this.components.deriver.derive(new TaskTokenRequest("node-1", "alloc-1", tasks)))
			.withMessage("Requested Vault tokens for tasks without defined Vault policies: a, b");
		assertThat(this.vault.requests("POST", "/v1/auth/token/create")).isEmpty();
	}

	private void connect(String token, String taskTokenTtl) {
		this.components = VaultComponents
			.of(VaultComponents.properties(this.vault.address(), token, taskTokenTtl, "", "", "", "", false))
			.connectUntil(State.CONNECTED);
	}

	private static TaskTokenRequest request(int tasks) {
		Map<String, List<String>> policies = new LinkedHashMap<>();
		for (int i = 0; i < tasks; i++) {
			policies.put("task-" + i, List.of("foo"));
		}
		return new TaskTokenRequest("node-1", "alloc-1", policies);
	}

	private Map<String, Object> unwrap(String wrappingToken) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.vault.address() + "/v1/cubbyhole/response"))
				.header("X-Vault-Token", wrappingToken)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = JsonMapper.shared().readValue(response.body(), Map.class);
		String wrapped = VaultValues.text(VaultValues.object(body, "data"), "response");
		return JsonMapper.shared().readValue(wrapped, Map.class);
	}

}
