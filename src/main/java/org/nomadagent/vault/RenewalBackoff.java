package org.nomadagent.vault;

import java.time.Duration;

/**
 * How long the server waits before it tries again to renew its token after a failure, as
 * Nomad's {@code renewalLoop} computes it: 5 s at first, then 1.25 times the previous wait (30 s
 * once it reaches 24 s), multiplied by a random factor between 1 and 2, and never more than half
 * the time left before the token expires. Each wait grows from the previous one as actually
 * waited, randomness and cap included, as in Nomad.
 */
final class RenewalBackoff {

	private double seconds;

	/**
	 * Starts again from nothing, after a successful renewal.
	 */
	void reset() {
		this.seconds = 0;
	}

	/**
	 * Returns the wait before the next attempt.
	 * @param untilExpiry the time left before the token expires (negative once it has)
	 * @param random a random number in [0, 1)
	 * @return the wait, or {@code null} when the token has expired and renewal must stop
	 */
	Duration next(Duration untilExpiry, double random) {
		if (this.seconds < 5) {
			this.seconds = 5;
		}
		else if (this.seconds >= 24) {
			this.seconds = 30;
		}
		else {
			this.seconds = this.seconds * 1.25;
		}
		this.seconds = this.seconds * (1.0 + random);
		Duration maximum = untilExpiry.dividedBy(2);
		if (maximum.isNegative()) {
			return null;
		}
		double maximumSeconds = maximum.toNanos() / 1e9;
		if (this.seconds > maximumSeconds) {
			this.seconds = maximumSeconds;
		}
		// Nomad truncated the wait to whole seconds, retrying without pause in the last two
		// seconds of the token's life; milliseconds are kept here (docs/compatibility.md).
		return Duration.ofMillis((long) (this.seconds * 1000));
	}

}
