package org.nomadagent.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.nomadagent.config.GoDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server's token alive, as Nomad's {@code renewalLoop} does: renews it at once with its
 * creation TTL as the increment ({@code PUT auth/token/renew-self}), then again when half the
 * time to expiry has passed; after a failure it backs off ({@link RenewalBackoff}) and, once the
 * token has expired, stops and marks the connection failed with the last error.
 */
final class VaultTokenRenewer {

	private static final Logger logger = LoggerFactory.getLogger(VaultTokenRenewer.class);

	private final VaultClient client;

	private final VaultConnection connection;

	private final ScheduledExecutorService scheduler;

	private final Clock clock;

	private final DoubleSupplier random;

	private final RenewalBackoff backoff = new RenewalBackoff();

	private long creationTtl;

	private Instant expiration;

	private boolean failing;

	VaultTokenRenewer(VaultClient client, VaultConnection connection, ScheduledExecutorService scheduler, Clock clock,
			DoubleSupplier random) {
		this.client = client;
		this.connection = connection;
		this.scheduler = scheduler;
		this.clock = clock;
		this.random = random;
	}

	/**
	 * Starts renewing: the first renewal runs at once on the scheduler.
	 * @param token what {@code lookup-self} said of the token
	 */
	void start(VaultTokenInfo token) {
		this.creationTtl = token.creationTtl();
		// Until the first renewal succeeds the token lives as long as lookup-self said. Nomad
		// counted from a zero "last renewed" time, so a failing first renewal failed the
		// connection at once (docs/compatibility.md).
		this.expiration = this.clock.instant().plusSeconds(token.ttl());
		schedule(Duration.ZERO);
	}

	private void renew() {
		RuntimeException failure = attempt();
		String error = (failure != null) ? String.valueOf(failure.getMessage()) : null;
		Instant now = this.clock.instant();
		if (failure == null) {
			Duration untilRenewal = Duration.between(now, this.expiration).dividedBy(2);
			if (this.failing) {
				logger.info("vault: renewed the server's token again");
				this.failing = false;
			}
			logger.info("vault: renewing token in {}", GoDuration.format(untilRenewal));
			this.backoff.reset();
			schedule(untilRenewal);
			return;
		}
		Duration wait = this.backoff.next(Duration.between(now, this.expiration), this.random.getAsDouble());
		if (wait == null) {
			logger.error("vault: failed to renew Vault token before lease expiration. Shutting down Vault client");
			this.connection.failed(error);
			return;
		}
		if (!this.failing) {
			logger.warn("vault: failed to renew the server's token, backing off: {}", error);
			logger.debug("vault: token renewal failed", failure);
			this.failing = true;
		}
		else {
			logger.debug("vault: got error or bad auth, so backing off: {}", error);
		}
		logger.debug("vault: backing off for {}", GoDuration.format(wait));
		schedule(wait);
	}

	private RuntimeException attempt() {
		try {
			OptionalLong lease = this.client.renewSelf(this.creationTtl);
			if (lease.isEmpty()) {
				return new IllegalStateException("renewal successful but not auth information returned");
			}
			if (lease.getAsLong() == 0) {
				return new IllegalStateException("renewal successful but no lease duration returned");
			}
			Instant renewed = this.clock.instant();
			this.expiration = renewed.plusSeconds(this.creationTtl);
			this.connection.renewed(this.expiration);
			logger.debug("vault: successfully renewed server token");
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private void schedule(Duration delay) {
		try {
			this.scheduler.schedule(this::renew, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The agent is stopping.
		}
	}

}
