package org.nomadagent.vault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nomadagent.agent.TestAgent;
import org.nomadagent.vault.VaultConnection.State;
import org.nomadagent.vault.VaultStandIn.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link VaultConnector}, {@link VaultTokenRenewer} and {@link VaultConnection}
 * against a {@link VaultStandIn}: the requests of the first contact, the token and role checks,
 * renewal timing and back-off, and retries while Vault is unreachable.
 */
class VaultConnectionIntegrationTests {

	private static final Map<String, Object> GOOD_ROLE = Map.of("allowed_policies", List.of("web"), "explicit_max_ttl",
			0, "name", "nomad-cluster", "orphan", false, "period", 259200, "renewable", true);

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
	void rootTokenWithoutTtlConnectsAndIsNeverRenewed() {
		String token = this.vault.addRootToken();
		connect(token, State.CONNECTED);
		Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
			.until(() -> this.vault.requests().size() == 2);
		assertThat(this.vault.requests()).extracting(Recorded::method, Recorded::path)
			.containsExactly(tuple("GET", "/v1/sys/init"), tuple("GET", "/v1/auth/token/lookup-self"));
		assertThat(this.vault.requests()).allSatisfy((r) -> assertThat(r.header("X-Vault-Token")).isEqualTo(token));
		assertThat(this.components.connection.tokenTtlLeft()).isNull();
	}

	@Test
	void roleTokenIsCheckedAgainstItsRoleAndRenewedAtOnceWithItsCreationTtl() {
		this.vault.addRole("nomad-cluster", GOOD_ROLE);
		String token = this.vault.addToken(List.of("nomad-server"), "nomad-cluster", 3600, true);
		connect(token, State.CONNECTED);
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> this.components.connection.snapshot().renewals() == 1);
		assertThat(this.vault.requests()).extracting(Recorded::method, Recorded::path, Recorded::body)
			.containsExactly(tuple("GET", "/v1/sys/init", ""), tuple("GET", "/v1/auth/token/lookup-self", ""),
					tuple("GET", "/v1/auth/token/roles/nomad-cluster", ""),
					tuple("PUT", "/v1/auth/token/renew-self", "{\"increment\":3600}"));
		assertThat(this.vault.requests()).allSatisfy((r) -> assertThat(r.header("X-Vault-Token")).isEqualTo(token));
		assertThat(this.components.connection.tokenTtlLeft()).isBetween(Duration.ofSeconds(3590),
				Duration.ofSeconds(3600));
	}

	@Test
	void rootTokenWithTtlIsRenewed() {
		String token = this.vault.addToken(List.of("root"), "", 3600, true);
		connect(token, State.CONNECTED);
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> this.vault.requests("PUT", "/v1/auth/token/renew-self").size() == 1);
		assertThat(this.vault.requests("PUT", "/v1/auth/token/renew-self").get(0).body())
			.isEqualTo("{\"increment\":3600}");
	}

	@Test
	void tokenIsRenewedAgainWhenHalfItsTtlHasPassed() {
		this.vault.addRole("nomad-cluster", GOOD_ROLE);
		String token = this.vault.addToken(List.of("nomad-server"), "nomad-cluster", 2, true);
		connect(token, State.CONNECTED);
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> this.vault.requests("PUT", "/v1/auth/token/renew-self").size() >= 3);
		List<Recorded> renewals = this.vault.requests("PUT", "/v1/auth/token/renew-self");
		for (int i = 1; i < 3; i++) {
			Duration gap = Duration.between(renewals.get(i - 1).at(), renewals.get(i).at());
			// Half of the 2 s TTL, less the time the renewal itself took.
			assertThat(gap).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
		}
		assertThat(this.components.connection.snapshot().state()).isEqualTo(State.CONNECTED);
	}

	@Test
	void failingRenewalBacksOffWithinTheTokensLifeThenFailsTheConnection() {
		this.vault.addRole("nomad-cluster", GOOD_ROLE);
		String token = this.vault.addToken(List.of("nomad-server"), "nomad-cluster", 2, true);
		connect(token, State.CONNECTED);
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> this.components.connection.snapshot().renewals() == 1);
		this.vault.fail((r) -> r.path().equals("/v1/auth/token/renew-self"), 1000, 500, "internal error");
		Awaitility.await().atMost(Duration.ofSeconds(6))
			.until(() -> this.components.connection.snapshot().state() == State.FAILED);
		String error = "Error making API request.\n\nURL: PUT " + this.vault.address()
				+ "/v1/auth/token/renew-self\nCode: 500. Errors:\n\n* internal error";
		assertThat(this.components.connection.snapshot().reason()).isEqualTo(error);
		List<Recorded> renewals = this.vault.requests("PUT", "/v1/auth/token/renew-self");
		Recorded lastSuccess = renewals.get(0);
		List<Recorded> failures = renewals.subList(1, renewals.size());
		// Nomad's back-off (5 s at least) is capped at half the time left: the failed attempts
		// come closer and closer together before the token expires, and none after.
		assertThat(failures).hasSizeGreaterThanOrEqualTo(3);
		assertThat(failures).allSatisfy((r) -> assertThat(Duration.between(lastSuccess.at(), r.at()))
			.isLessThan(Duration.ofMillis(2600)));
		Duration first = Duration.between(failures.get(0).at(), failures.get(1).at());
		Duration second = Duration.between(failures.get(1).at(), failures.get(2).at());
		assertThat(second).isLessThan(first);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(this.components.connection::requireUsable)
			.withMessage("Connection to Vault failed: " + error)
			.satisfies((ex) -> assertThat(ex.recoverable()).isFalse());
	}

	@Test
	void failedFirstRenewalBacksOffAndRecovers() {
		this.vault.addRole("nomad-cluster", GOOD_ROLE);
		String token = this.vault.addToken(List.of("nomad-server"), "nomad-cluster", 3, true);
		this.vault.fail((r) -> r.path().equals("/v1/auth/token/renew-self"), 1, 503, "Vault is sealed");
		connect(token, State.CONNECTED);
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> this.components.connection.snapshot().renewals() == 1);
		assertThat(this.vault.requests("PUT", "/v1/auth/token/renew-self")).hasSize(2);
		assertThat(this.components.connection.snapshot().state()).isEqualTo(State.CONNECTED);
	}

	@Test
	void invalidRoleFailsTheConnectionWithEveryBrokenRuleAndIsNotRetried() {
		this.vault.addRole("bad", Map.of("explicit_max_ttl", 3600, "orphan", true, "period", 0, "renewable", false));
		String token = this.vault.addToken(List.of("nomad-server"), "bad", 3600, true);
		connect(token, State.FAILED);
		assertThat(this.components.connection.snapshot().reason()).isEqualTo("""
				4 error(s) occurred:

				* Role must not allow orphans
				* Role must allow tokens to be renewed
				* Role can not use an explicit max ttl. Token must be periodic.
				* Role must have a non-zero period to make tokens periodic.""");
		Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
			.until(() -> this.vault.requests().size() == 3);
		assertThat(this.vault.requests("PUT", "/v1/auth/token/renew-self")).isEmpty();
	}

	@Test
	void roleVaultDoesNotKnowFailsTheConnection() {
		String token = this.vault.addToken(List.of("nomad-server"), "missing", 3600, true);
		connect(token, State.FAILED);
		assertThat(this.components.connection.snapshot().reason())
			.isEqualTo("1 error(s) occurred:\n\n* failed to lookup role \"missing\": no such role");
	}

	@Test
	void nonRootTokenBreakingEveryRuleIsRefusedWithEveryReason() {
		String token = this.vault.addToken(List.of("nomad-server"), "", 0, false);
		connect(token, State.FAILED);
		assertThat(this.components.connection.snapshot().reason()).isEqualTo("""
				4 error(s) occurred:

				* Vault token is not renewable or root
				* invalid lease duration of zero
				* token TTL is zero
				* token role name must be set when not using a root token""");
	}

	@Test
	void tokenVaultDoesNotKnowFailsWithTheLookupError() {
		connect("s.unknown", State.FAILED);
		assertThat(this.components.connection.snapshot().reason())
			.isEqualTo("failed to lookup Vault periodic token: Error making API request.\n\nURL: GET "
					+ this.vault.address() + "/v1/auth/token/lookup-self\nCode: 403. Errors:\n\n* permission denied");
	}

	@Test
	void unreachableVaultIsRetriedUntilItAnswers() {
		int port = TestAgent.freePort();
		this.components = VaultComponents.of("http://127.0.0.1:" + port, "s.root");
		this.components.connectUntil(State.RETRYING);
		assertThat(this.components.connection.snapshot().reason())
			.startsWith("Get http://127.0.0.1:" + port + "/v1/sys/init: ")
			.containsIgnoringCase("connection refused");
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(this.components.connection::requireUsable)
			.withMessage("Connection to Vault has not been established")
			.satisfies((ex) -> assertThat(ex.recoverable()).isTrue());
		try (VaultStandIn late = VaultStandIn.start(port)) {
			late.addToken("s.root", List.of("root"), "", 0, false);
			Awaitility.await().atMost(Duration.ofSeconds(5))
				.until(() -> this.components.connection.snapshot().state() == State.CONNECTED);
			assertThat(late.requests()).extracting(Recorded::path).contains("/v1/auth/token/lookup-self");
		}
	}

	@Test
	void serverThatDoesNotLeadAnswersVaultClientNotActive() {
		String token = this.vault.addRootToken();
		connect(token, State.CONNECTED);
		this.components.leader.set(false);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(this.components.connection::requireUsable)
			.withMessage("Vault client not active")
			.satisfies((ex) -> assertThat(ex.recoverable()).isTrue());
	}

	@Test
	void renewalThroughAStandbyFollowsItsRedirectToTheActiveNode() {
		this.vault.addRole("nomad-cluster", GOOD_ROLE);
		String token = this.vault.addToken(List.of("nomad-server"), "nomad-cluster", 3600, true);
		try (VaultStandIn standby = VaultStandIn.start()) {
			standby.redirectTo(this.vault.address());
			this.components = VaultComponents.of(standby.address(), token);
			this.components.connectUntil(State.CONNECTED);
			Awaitility.await().atMost(Duration.ofSeconds(5))
				.until(() -> this.components.connection.snapshot().renewals() == 1);
			assertThat(standby.requests("PUT", "/v1/auth/token/renew-self")).hasSize(1);
			Recorded renewal = this.vault.requests("PUT", "/v1/auth/token/renew-self").get(0);
			assertThat(renewal.body()).isEqualTo("{\"increment\":3600}");
			assertThat(renewal.header("X-Vault-Token")).isEqualTo(token);
		}
	}

	private void connect(String token, State state) {
		this.components = VaultComponents.of(this.vault.address(), token).connectUntil(state);
	}

}
