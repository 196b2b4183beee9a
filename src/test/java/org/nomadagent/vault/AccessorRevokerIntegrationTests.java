package org.nomadagent.vault;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nomadagent.testing.MutableClock;
import org.nomadagent.vault.VaultConnection.State;
import org.nomadagent.vault.VaultStandIn.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AccessorRevoker} against a {@link VaultStandIn}: revocation by accessor,
 * parallelism, the retry queue and its expiry, and leadership changes.
 */
class AccessorRevokerIntegrationTests {

	private static final String REVOKE = "/v1/auth/token/revoke-accessor/";

	private final VaultStandIn vault = VaultStandIn.start();

	private final String serverToken = this.vault.addRootToken();

	private final VaultComponents components = VaultComponents.of(this.vault.address(), this.serverToken);

	@AfterEach
	void stop() {
		this.components.close();
		this.vault.close();
	}

	@Test
	void revocationPostsEachAccessorWithTheServerTokenAndForgetsIt() {
		connected();
		List<VaultAccessor> accessors = taskTokens(3);
		this.components.store.register(accessors);
		this.components.revoker.revoke(accessors, true);
		List<Recorded> revocations = this.vault.requests("POST", REVOKE);
		assertThat(revocations).extracting(Recorded::path)
			.containsExactlyInAnyOrderElementsOf(accessors.stream().map((a) -> REVOKE + a.accessor()).toList());
		assertThat(revocations).allSatisfy((r) -> {
			assertThat(r.header("X-Vault-Token")).isEqualTo(this.serverToken);
			assertThat(r.body()).isEmpty();
		});
		assertThat(accessors).allSatisfy((a) -> assertThat(this.vault.tokenByAccessor(a.accessor())).isNull());
		assertThat(this.components.store.all()).isEmpty();
		assertThat(this.components.revoker.pending()).isZero();
	}

	@Test
	void atMostSixtyFourRevocationsAreInFlight() {
		connected();
		List<VaultAccessor> accessors = taskTokens(100);
		this.vault.holdUntilInFlight(AccessorRevoker.MAX_PARALLEL);
		this.vault.delay(Duration.ofMillis(50));
		this.components.revoker.revoke(accessors, true);
		assertThat(this.vault.requests("POST", REVOKE)).hasSize(100);
		assertThat(this.vault.maxInFlight()).isEqualTo(AccessorRevoker.MAX_PARALLEL);
	}

	@Test
	void failedRevocationIsQueuedAndDoneOnTheNextRound() {
		connected();
		List<VaultAccessor> accessors = taskTokens(3);
		this.components.store.register(accessors);
		String stubborn = accessors.get(1).accessor();
		this.vault.fail((r) -> r.path().equals(REVOKE + stubborn), 1, 500, "internal error");
		this.components.revoker.revoke(accessors, true);
		assertThat(this.vault.tokenByAccessor(stubborn)).isNotNull();
		assertThat(this.components.revoker.pending()).isEqualTo(3);
		assertThat(this.components.store.all()).hasSize(3);
		this.components.revoker.retryPending();
		assertThat(this.vault.tokenByAccessor(stubborn)).isNull();
		assertThat(this.components.revoker.pending()).isZero();
		assertThat(this.components.store.all()).isEmpty();
	}

	@Test
	void queuedRevocationIsDroppedOnceItsTokenWouldHaveExpired() {
		MutableClock clock = new MutableClock();
		AccessorRevoker revoker = revoker(clock, Duration.ofMinutes(5));
		connected();
		List<VaultAccessor> accessors = taskTokens(1);
		this.vault.fail((r) -> r.path().startsWith(REVOKE), 1000, 500, "internal error");
		revoker.revoke(accessors, true);
		revoker.retryPending();
		assertThat(revoker.pending()).isEqualTo(1);
		int attempts = this.vault.requests("POST", REVOKE).size();
		clock.advance(Duration.ofSeconds(accessors.get(0).creationTtl() + 1));
		revoker.retryPending();
		assertThat(revoker.pending()).isZero();
		assertThat(this.vault.requests("POST", REVOKE)).hasSize(attempts);
	}

	@Test
	void revocationWhileConnectingIsQueuedAndDoneOnceConnected() {
		List<VaultAccessor> accessors = taskTokens(2);
		this.components.revoker.revoke(accessors, true);
		assertThat(this.components.revoker.pending()).isEqualTo(2);
		assertThat(this.vault.requests("POST", REVOKE)).isEmpty();
		connected();
		this.components.revoker.retryPending();
		assertThat(this.vault.requests("POST", REVOKE)).hasSize(2);
		assertThat(this.components.revoker.pending()).isZero();
	}

	@Test
	void revocationOfTokensNeverHandedOutIsNotRetried() {
		connected();
		this.vault.fail((r) -> r.path().startsWith(REVOKE), 1000, 500, "internal error");
		this.components.revoker.revoke(taskTokens(2), false);
		assertThat(this.components.revoker.pending()).isZero();
	}

	@Test
	void leadershipChangeDropsTheQueue() {
		connected();
		this.vault.fail((r) -> r.path().startsWith(REVOKE), 1000, 500, "internal error");
		this.components.revoker.revoke(taskTokens(2), true);
		assertThat(this.components.revoker.pending()).isEqualTo(2);
		this.components.leader.set(false);
		this.components.revoker.retryPending();
		assertThat(this.components.revoker.pending()).isZero();
	}

	@Test
	void serverThatDoesNotLeadRefusesToRevoke() {
		connected();
		this.components.leader.set(false);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> this.components.revoker.revoke(taskTokens(1), true))
			.withMessage("Vault client not active");
	}

	@Test
	void startedRevokerRetriesEveryInterval() {
		AccessorRevoker revoker = revoker(Clock.systemUTC(), Duration.ofMillis(100));
		connected();
		List<VaultAccessor> accessors = taskTokens(1);
		this.vault.fail((r) -> r.path().startsWith(REVOKE), 1, 500, "internal error");
		revoker.start();
		try {
			revoker.revoke(accessors, true);
			assertThat(revoker.pending()).isEqualTo(1);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> revoker.pending() == 0);
			assertThat(this.vault.tokenByAccessor(accessors.get(0).accessor())).isNull();
		}
		finally {
			revoker.stop();
		}
	}

	private void connected() {
		this.components.connectUntil(State.CONNECTED);
	}

	private AccessorRevoker revoker(Clock clock, Duration interval) {
		return new AccessorRevoker(this.components.client, this.components.connection, this.components.store,
				this.components.parallel, interval, clock);
	}

	private List<VaultAccessor> taskTokens(int count) {
		List<VaultAccessor> accessors = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = this.vault.addToken(List.of("foo"), "", 3600, true);
			accessors.add(new VaultAccessor(this.vault.token(id).accessor, "task-" + i, "node-1", "alloc-1", 3600));
		}
		return accessors;
	}

}
