package org.nomadagent.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.nomadagent.agent.BackgroundThread;
import org.nomadagent.config.hcl.GoStrconv;
import org.nomadagent.vault.VaultConnection.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Revokes task tokens by accessor, as Nomad's {@code RevokeTokens} does:
 * {@code POST auth/token/revoke-accessor/<accessor>}, up to 64 at a time, then the accessors are
 * removed from the {@link VaultAccessorStore}. Revocations that fail, or that come while the
 * connection is still being made, are queued and tried again every 5 minutes until the tokens
 * would have expired anyway; the queue is dropped when leadership changes, the new leader taking
 * over. Revocation of tokens never handed out ({@code committed = false}) is best effort.
 */
public final class AccessorRevoker implements SmartLifecycle {

	/** The largest number of revocations in flight (Nomad's maxParallelRevokes). */
	static final int MAX_PARALLEL = 64;

	/** The interval of retries (Nomad's vaultRevocationIntv). */
	public static final Duration NOMAD_RETRY_INTERVAL = Duration.ofMinutes(5);

	private static final Logger logger = LoggerFactory.getLogger(AccessorRevoker.class);

	private final VaultClient client;

	private final VaultConnection connection;

	private final VaultAccessorStore store;

	private final ParallelRequests parallel;

	private final Duration retryInterval;

	private final Clock clock;

	private final Map<VaultAccessor, Instant> pending = new LinkedHashMap<>();

	private Boolean wasActive;

	private String lastRetryFailure;

	private final BackgroundThread thread = new BackgroundThread("vault-revoke");

	AccessorRevoker(VaultClient client, VaultConnection connection, VaultAccessorStore store, ParallelRequests parallel,
			Duration retryInterval, Clock clock) {
		this.client = client;
		this.connection = connection;
		this.store = store;
		this.parallel = parallel;
		this.retryInterval = retryInterval;
		this.clock = clock;
	}

	/**
	 * Revokes task tokens.
	 * @param accessors the tokens' accessors
	 * @param committed whether the accessors were recorded (the tokens handed out); only those
	 * are removed from the store, and retried when revocation fails
	 * @throws VaultOperationException {@code Vault client not active} when this server does not
	 * lead
	 */
	public void revoke(Collection<VaultAccessor> accessors, boolean committed) {
		noteLeadership();
		if (!this.connection.active()) {
			throw new VaultOperationException("Vault client not active", false);
		}
		State state = this.connection.snapshot().state();
		if (state == State.CONNECTING || state == State.RETRYING) {
			if (committed) {
				queue(accessors);
			}
			return;
		}
		RuntimeException failure = revokeNow(List.copyOf(accessors));
		if (!committed) {
			// Never handed out: the wrapping token expires on its own within a minute.
			return;
		}
		if (failure != null) {
			logger.warn("vault: failed to revoke tokens. Will reattempt til TTL: {}", failure.getMessage());
			queue(accessors);
			return;
		}
		try {
			this.store.remove(accessors);
		}
		catch (RuntimeException ex) {
			logger.error("vault: failed to purge Vault accessors: {}", ex.getMessage());
			queue(accessors);
		}
	}

	/**
	 * Returns the number of revocations waiting to be tried again.
	 */
	public int pending() {
		synchronized (this.pending) {
			return this.pending.size();
		}
	}

	/**
	 * Tries the queued revocations again, dropping those whose tokens have expired; runs every
	 * retry interval.
	 */
	void retryPending() {
		noteLeadership();
		if (this.connection.snapshot().state() != State.CONNECTED) {
			return;
		}
		Instant now = this.clock.instant();
		List<VaultAccessor> due;
		synchronized (this.pending) {
			this.pending.values().removeIf(now::isAfter);
			due = List.copyOf(this.pending.keySet());
		}
		if (due.isEmpty()) {
			return;
		}
		RuntimeException failure = revokeNow(due);
		String reason = (failure != null) ? failure.getMessage() : null;
		if (failure != null) {
			if (!Objects.equals(reason, this.lastRetryFailure)) {
				logger.warn("vault: background token revocation errored: {}", reason);
			}
			this.lastRetryFailure = reason;
			return;
		}
		this.lastRetryFailure = null;
		try {
			this.store.remove(due);
		}
		catch (RuntimeException ex) {
			logger.error("vault: token revocation errored: {}", ex.getMessage());
			return;
		}
		synchronized (this.pending) {
			due.forEach(this.pending::remove);
		}
		logger.info("vault: revoked {} queued token(s)", due.size());
	}

	private RuntimeException revokeNow(List<VaultAccessor> accessors) {
		try {
			this.connection.requireUsable();
		}
		catch (VaultOperationException ex) {
			return ex;
		}
		return this.parallel.run(accessors, MAX_PARALLEL, (accessor) -> {
			try {
				this.client.revokeAccessor(accessor.accessor());
			}
			catch (VaultClientException ex) {
				if (ex.getMessage().contains("invalid accessor")) {
					// Vault no longer knows the token: it is revoked already, by an earlier
					// attempt or by expiring (docs/compatibility.md).
					logger.debug("vault: accessor {} already revoked", accessor.accessor());
					return;
				}
				throw failedRevocation(accessor, ex);
			}
			catch (RuntimeException ex) {
				throw failedRevocation(accessor, ex);
			}
		});
	}

	private static VaultOperationException failedRevocation(VaultAccessor accessor, RuntimeException ex) {
		return new VaultOperationException("failed to revoke token (alloc: " + quote(accessor.allocationId())
				+ ", node: " + quote(accessor.nodeId()) + ", task: " + quote(accessor.task()) + "): " + ex.getMessage(),
				true);
	}

	private void queue(Collection<VaultAccessor> accessors) {
		Instant now = this.clock.instant();
		synchronized (this.pending) {
			accessors.forEach((accessor) -> this.pending.put(accessor, now.plusSeconds(accessor.creationTtl())));
		}
	}

	/**
	 * Drops the queue when this server gains or loses leadership, as Nomad's {@code SetActive}.
	 */
	private void noteLeadership() {
		boolean active = this.connection.active();
		synchronized (this.pending) {
			if (this.wasActive != null && this.wasActive != active) {
				this.pending.clear();
			}
			this.wasActive = active;
		}
	}

	private static String quote(String text) {
		return GoStrconv.quote(text);
	}

	@Override
	public void start() {
		long interval = this.retryInterval.toMillis();
		this.thread.start().scheduleWithFixedDelay(this::retrySafely, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void retrySafely() {
		try {
			retryPending();
		}
		catch (RuntimeException ex) {
			logger.warn("vault: background token revocation errored: {}", ex.getMessage());
			logger.debug("vault: background token revocation errored", ex);
		}
	}

	@Override
	public void stop() {
		this.thread.stop();
	}

	@Override
	public boolean isRunning() {
		return this.thread.isRunning();
	}

}
