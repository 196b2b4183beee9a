package org.nomadagent.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The state of the server's connection to Vault, as Nomad's {@code vaultClient} keeps it:
 * connecting (first contact not made yet), retrying (Vault unreachable, tried again every 30 s),
 * connected (token validated), or failed (the token or its role was refused, or the token
 * expired) with the reason. It also answers whether an operation may use Vault now: Vault
 * operations are active only on the leader ({@code Vault client not active} elsewhere).
 */
public final class VaultConnection {

	/** Where the connection stands. */
	public enum State {

		/** First contact with Vault not made yet. */
		CONNECTING,

		/** Vault could not be reached; trying again. */
		RETRYING,

		/** The token was validated; Vault operations can run. */
		CONNECTED,

		/** The token or its role was refused, or the token expired; not retried. */
		FAILED;

		/** Returns the state's name as the API and health show it. */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A consistent view of the connection.
	 *
	 * @param state the state
	 * @param reason why the connection is retrying or failed, or {@code null}
	 * @param token what Vault said of the server's token, once connected
	 * @param expiresAt when the token expires, or {@code null} when it never does
	 * @param renewals the number of successful renewals
	 */
	public record Snapshot(State state, String reason, VaultTokenInfo token, Instant expiresAt, long renewals) {
	}

	private final AtomicReference<Snapshot> current = new AtomicReference<>(
			new Snapshot(State.CONNECTING, null, null, null, 0));

	private final BooleanSupplier active;

	private final Clock clock;

	/**
	 * Creates the connection state.
	 * @param active tells whether this server leads, which is when Vault operations are active
	 * @param clock the clock
	 */
	public VaultConnection(BooleanSupplier active, Clock clock) {
		this.active = active;
		this.clock = clock;
	}

	/** Returns the current view of the connection. */
	public Snapshot snapshot() {
		return this.current.get();
	}

	/** Returns whether Vault operations are active here (this server leads). */
	public boolean active() {
		return this.active.getAsBoolean();
	}

	/**
	 * Returns the TTL left on the server's token, or {@code null} when it never expires or is
	 * not known yet.
	 */
	public Duration tokenTtlLeft() {
		Instant expiresAt = snapshot().expiresAt();
		if (expiresAt == null) {
			return null;
		}
		Duration left = Duration.between(this.clock.instant(), expiresAt);
		return left.isNegative() ? Duration.ZERO : left;
	}

	/**
	 * Checks that a Vault operation can run now, with Nomad's messages.
	 * @throws VaultOperationException {@code Vault client not active} (recoverable),
	 * {@code Connection to Vault has not been established} (recoverable), or
	 * {@code Connection to Vault failed: <reason>}
	 */
	public void requireUsable() {
		if (!active()) {
			throw new VaultOperationException("Vault client not active", true);
		}
		Snapshot snapshot = snapshot();
		if (snapshot.state() == State.FAILED) {
			throw new VaultOperationException("Connection to Vault failed: " + snapshot.reason(), false);
		}
		if (snapshot.state() != State.CONNECTED) {
			throw new VaultOperationException("Connection to Vault has not been established", true);
		}
	}

	void retrying(String reason) {
		this.current.updateAndGet((s) -> new Snapshot(State.RETRYING, reason, null, null, s.renewals()));
	}

	void connected(VaultTokenInfo token) {
		Instant expiresAt = (token.ttl() > 0) ? this.clock.instant().plusSeconds(token.ttl()) : null;
		this.current.updateAndGet((s) -> new Snapshot(State.CONNECTED, null, token, expiresAt, s.renewals()));
	}

	void renewed(Instant expiresAt) {
		this.current.updateAndGet((s) -> new Snapshot(s.state(), s.reason(), s.token(), expiresAt, s.renewals() + 1));
	}

	void failed(String reason) {
		this.current.updateAndGet((s) -> new Snapshot(State.FAILED, reason, s.token(), s.expiresAt(), s.renewals()));
	}

}
