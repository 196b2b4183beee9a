package org.nomadagent.vault;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VaultTokenValidator}: Nomad's rules for the server's token and its role.
 */
class VaultTokenValidatorTests {

	@Test
	void rootTokenWithoutTtlIsAccepted() {
		assertThat(VaultTokenValidator.tokenProblems(token(List.of("root"), "", 0, 0, false))).isEmpty();
	}

	@Test
	void rootTokenWithTtlMustBeRenewable() {
		assertThat(VaultTokenValidator.tokenProblems(token(List.of("root"), "", 3600, 3600, false)))
			.containsExactly("Vault token has a TTL but is not renewable");
	}

	@Test
	void renewableRootTokenWithTtlMustHaveTimeLeft() {
		assertThat(VaultTokenValidator.tokenProblems(token(List.of("root"), "", 3600, 0, true)))
			.containsExactly("token TTL is zero");
	}

	@Test
	void periodicRoleTokenIsAccepted() {
		assertThat(VaultTokenValidator.tokenProblems(token(List.of("nomad"), "nomad-cluster", 3600, 3500, true)))
			.isEmpty();
	}

	@Test
	void nonRootTokenBreakingEveryRuleGetsEveryReasonInNomadsOrder() {
		assertThat(VaultTokenValidator.tokenProblems(token(List.of("default"), "", 0, 0, false))).containsExactly(
				"Vault token is not renewable or root", "invalid lease duration of zero", "token TTL is zero",
				"token role name must be set when not using a root token");
	}

	@Test
	void usableRoleHasNoProblems() {
		assertThat(VaultTokenValidator.roleProblems(new VaultRole(0, false, 259200, true))).isEmpty();
	}

	@Test
	void roleBreakingEveryRuleGetsEveryReasonInNomadsOrder() {
		assertThat(VaultTokenValidator.roleProblems(new VaultRole(3600, true, 0, false))).containsExactly(
				"Role must not allow orphans", "Role must allow tokens to be renewed",
				"Role can not use an explicit max ttl. Token must be periodic.",
				"Role must have a non-zero period to make tokens periodic.");
	}

	@Test
	void problemsAreDescribedAsNomadsMultiErrorDoes() {
		assertThat(VaultTokenValidator.describe(List.of("a", "b"))).isEqualTo("2 error(s) occurred:\n\n* a\n* b");
		assertThat(VaultTokenValidator.describe(List.of("a"))).isEqualTo("1 error(s) occurred:\n\n* a");
	}

	@Test
	void lookupDataIsReadAsLooselyAsNomadReadsIt() {
		VaultTokenInfo token = VaultTokenInfo.from(java.util.Map.of("policies", List.of("root"), "creation_ttl", "3600",
				"ttl", 1200.0, "renewable", "true", "role", ""));
		assertThat(token).isEqualTo(new VaultTokenInfo(List.of("root"), "", 3600, 1200, true));
		assertThat(token.root()).isTrue();
	}

	private static VaultTokenInfo token(List<String> policies, String role, long creationTtl, long ttl,
			boolean renewable) {
		return new VaultTokenInfo(policies, role, creationTtl, ttl, renewable);
	}

}
