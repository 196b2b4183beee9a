package org.nomadagent.vault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.nomadagent.testing.MutableClock;
import org.nomadagent.vault.VaultConnection.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link VaultConnection}: its states and whether operations may run.
 */
class VaultConnectionTests {

	private final AtomicBoolean leader = new AtomicBoolean(true);

	private final MutableClock clock = new MutableClock();

	private final VaultConnection connection = new VaultConnection(this.leader::get, this.clock);

	@Test
	void newConnectionIsConnectingAndNotYetUsable() {
		assertThat(this.connection.snapshot().state()).isEqualTo(State.CONNECTING);
		assertThatExceptionOfType(VaultOperationException.class).isThrownBy(this.connection::requireUsable)
			.withMessage("Connection to Vault has not been established")
			.satisfies((ex) -> assertThat(ex.recoverable()).isTrue());
	}

	@Test
	void connectedConnectionIsUsableOnTheLeader() {
		this.connection.connected(new VaultTokenInfo(List.of("root"), "", 0, 0, false));
		assertThatNoException().isThrownBy(this.connection::requireUsable);
	}

	@Test
	void connectedConnectionIsNotActiveElsewhere() {
		this.connection.connected(new VaultTokenInfo(List.of("root"), "", 0, 0, false));
		this.leader.set(false);
		assertThatExceptionOfType(VaultOperationException.class).isThrownBy(this.connection::requireUsable)
			.withMessage("Vault client not active");
	}

	@Test
	void failedConnectionSaysWhy() {
		this.connection.failed("token TTL is zero");
		assertThatExceptionOfType(VaultOperationException.class).isThrownBy(this.connection::requireUsable)
			.withMessage("Connection to Vault failed: token TTL is zero")
			.satisfies((ex) -> assertThat(ex.recoverable()).isFalse());
	}

	@Test
	void tokenTtlLeftCountsDownFromTheLastRenewal() {
		this.connection.connected(new VaultTokenInfo(List.of("nomad"), "role", 3600, 3000, true));
		assertThat(this.connection.tokenTtlLeft()).isEqualTo(Duration.ofSeconds(3000));
		this.connection.renewed(this.clock.instant().plusSeconds(3600));
		this.clock.advance(Duration.ofSeconds(600));
		assertThat(this.connection.tokenTtlLeft()).isEqualTo(Duration.ofSeconds(3000));
		assertThat(this.connection.snapshot().renewals()).isEqualTo(1);
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.connection.tokenTtlLeft()).isZero();
	}

	@Test
	void tokenWithoutTtlHasNoTtlLeft() {
		this.connection.connected(new VaultTokenInfo(List.of("root"), "", 0, 0, false));
		assertThat(this.connection.tokenTtlLeft()).isNull();
		assertThat(this.connection.snapshot().expiresAt()).isNull();
	}

	@Test
	void retryingKeepsTheReason() {
		this.connection.retrying("Get http://127.0.0.1:8200/v1/sys/init: Connection refused");
		assertThat(this.connection.snapshot().state()).isEqualTo(State.RETRYING);
		assertThat(this.connection.snapshot().reason()).endsWith("Connection refused");
		assertThat(this.connection.snapshot().expiresAt()).isNull();
	}

}
