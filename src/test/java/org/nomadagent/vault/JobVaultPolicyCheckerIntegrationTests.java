package org.nomadagent.vault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nomadagent.config.Secret;
import org.nomadagent.vault.VaultConnection.State;
import org.nomadagent.vault.VaultStandIn.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link JobVaultPolicyChecker} and {@link VaultTokenLookup} against a
 * {@link VaultStandIn}: the submitter's token is accepted, refused for missing policies, or the
 * check fails (no token, lookup error), with Nomad's messages, and the token never shows.
 */
class JobVaultPolicyCheckerIntegrationTests {

	private static final Map<String, Map<String, List<String>>> POLICIES = Map.of("cache",
			Map.of("redis", List.of("foo")), "web", Map.of("frontend", List.of("foo", "bar"), "api", List.of("baz")));

	private final VaultStandIn vault = VaultStandIn.start();

	private final String serverToken = this.vault.addRootToken();

	private final VaultComponents components = VaultComponents.of(this.vault.address(), this.serverToken);

	@AfterEach
	void stop() {
		this.components.close();
		this.vault.close();
	}

	@Test
	void tokenHoldingEveryRequestedPolicyIsAcceptedAfterALookupWithTheServerToken() {
		connected();
		String submitter = this.vault.addToken(List.of("default", "foo", "bar", "baz"), "", 3600, true);
		assertThatNoException().isThrownBy(() -> checker(false).check(request(submitter)));
		Recorded lookup = this.vault.requests("GET", "/v1/auth/token/lookup/").get(0);
		assertThat(lookup.path()).isEqualTo("/v1/auth/token/lookup/" + submitter);
		assertThat(lookup.header("X-Vault-Token")).isEqualTo(this.serverToken);
	}

	@Test
	void tokenMissingPoliciesIsRefusedNamingThem() {
		connected();
		String submitter = this.vault.addToken(List.of("default", "foo"), "", 3600, true);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> checker(false).check(request(submitter)))
			.withMessage("Passed Vault Token doesn't allow access to the following policies: bar, baz");
	}

	@Test
	void rootTokenMayRequestAnyPolicy() {
		connected();
		String submitter = this.vault.addToken(List.of("root"), "", 0, false);
		assertThatNoException().isThrownBy(() -> checker(false).check(request(submitter)));
	}

	@Test
	void lookupErrorIsReturnedAsVaultWordsItWithTheTokenRedacted() {
		connected();
		String submitter = "s.not-a-token-vault-knows";
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> checker(false).check(request(submitter)))
			.withMessage("Error making API request.\n\nURL: GET " + this.vault.address()
					+ "/v1/auth/token/lookup/<redacted>\nCode: 403. Errors:\n\n* bad token")
			.withMessageNotContaining(submitter);
	}

	@Test
	void missingTokenIsRefusedWithoutAskingVault() {
		connected();
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> checker(false).check(new JobVaultPolicyRequest(POLICIES, Secret.NONE)))
			.withMessage("Vault policies requested but missing Vault Token");
		assertThat(this.vault.requests("GET", "/v1/auth/token/lookup/")).isEmpty();
	}

	@Test
	void allowUnauthenticatedSkipsTheCheck() {
		connected();
		assertThatNoException().isThrownBy(() -> checker(true).check(new JobVaultPolicyRequest(POLICIES, Secret.NONE)));
		assertThat(this.vault.requests("GET", "/v1/auth/token/lookup/")).isEmpty();
	}

	@Test
	void disabledVaultRefusesJobsThatRequestPolicies() {
		VaultProperties disabled = new VaultProperties("https://vault.service.consul:8200", null, null, "", "", "", "",
				"", "", null, Secret.NONE, Duration.ofSeconds(30));
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> new JobVaultPolicyChecker(disabled, null).check(request("s.x")))
			.withMessage("Vault not enabled and Vault policies requested");
	}

	@Test
	void jobWithoutPoliciesNeedsNoCheck() {
		VaultProperties disabled = new VaultProperties("https://vault.service.consul:8200", null, null, "", "", "", "",
				"", "", null, Secret.NONE, Duration.ofSeconds(30));
		assertThatNoException()
			.isThrownBy(() -> new JobVaultPolicyChecker(disabled, null)
				.check(new JobVaultPolicyRequest(Map.of(), null)));
	}

	@Test
	void lookupBeforeTheConnectionIsMadeFailsWithNomadsMessage() {
		String submitter = this.vault.addToken(List.of("foo"), "", 3600, true);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> checker(false).check(request(submitter)))
			.withMessage("Connection to Vault has not been established");
	}

	private void connected() {
		this.components.connectUntil(State.CONNECTED);
	}

	private JobVaultPolicyChecker checker(boolean allowUnauthenticated) {
		VaultProperties properties = new VaultProperties(this.vault.address(), allowUnauthenticated, true, "", "", "",
				"", "", "", null, new Secret(this.serverToken), Duration.ofSeconds(30));
		return new JobVaultPolicyChecker(properties, this.components.lookup);
	}

	private static JobVaultPolicyRequest request(String token) {
		return new JobVaultPolicyRequest(POLICIES, new Secret(token));
	}

}
