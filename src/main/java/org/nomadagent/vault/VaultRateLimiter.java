package org.nomadagent.vault;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps token creations and lookups under 500 requests a second, with bursts of up to 500, as
 * Nomad's server does ({@code requestRateLimit}): a token bucket that callers wait on.
 */
final class VaultRateLimiter {

	/** Nomad's limit, in requests a second; also the burst. */
	static final double NOMAD_RATE = 500;

	private final double perNanosecond;

	private final double burst;

	private final LongSupplier nanoTime;

	private double available;

	private long last;

	VaultRateLimiter(double ratePerSecond, LongSupplier nanoTime) {
		this.perNanosecond = ratePerSecond / TimeUnit.SECONDS.toNanos(1);
		this.burst = ratePerSecond;
		this.nanoTime = nanoTime;
		this.available = ratePerSecond;
		this.last = nanoTime.getAsLong();
	}

	/**
	 * Takes one request's worth, waiting if the bucket is empty.
	 * @throws VaultOperationException if interrupted while waiting
	 */
	void acquire() {
		long wait = reserve();
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new VaultOperationException("interrupted while waiting for the Vault rate limit", true);
			}
		}
	}

	/**
	 * Takes one request's worth and returns how long the caller must wait before sending it.
	 * @return the wait, in nanoseconds
	 */
	synchronized long reserve() {
		long now = this.nanoTime.getAsLong();
		this.available = Math.min(this.burst, this.available + (now - this.last) * this.perNanosecond);
		this.last = now;
		this.available -= 1;
		return (this.available >= 0) ? 0 : (long) Math.ceil(-this.available / this.perNanosecond);
	}

}
