package org.nomadagent.consul;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When the agent talks to Consul: a sync about every {@code syncInterval} (Nomad's 5s minus up to
 * an eighth of jitter), and, while Consul fails, retries that start at {@code firstRetry} and
 * double up to a limit: the sync interval for the sync (so Consul coming back is never noticed
 * later than Nomad would notice it), {@code discoveryRetryLimit} for a client's server discovery
 * (Nomad retries it with each failed registration, every 15s).
 *
 * @param syncInterval the interval between syncs
 * @param firstRetry the delay before the first retry
 * @param discoveryRetryLimit the longest delay between server discovery attempts
 */
public record ConsulSchedule(Duration syncInterval, Duration firstRetry, Duration discoveryRetryLimit) {

	/** Nomad's timing. */
	public static final ConsulSchedule NOMAD = new ConsulSchedule(Duration.ofSeconds(5), Duration.ofSeconds(1),
			Duration.ofSeconds(15));

	/**
	 * Returns the delay before the next sync: the interval minus a random part of up to an
	 * eighth of it, so that agents started together do not sync together.
	 * @param random the source of jitter
	 * @return the delay
	 */
	public Duration nextSync(RandomGenerator random) {
		long interval = this.syncInterval.toNanos();
		long jitter = interval / 8;
		return Duration.ofNanos(interval - ((jitter > 0) ? random.nextLong(jitter) : 0));
	}

	/**
	 * Returns the delay before a retry.
	 * @param failures the failures so far, at least 1
	 * @param limit the longest delay
	 * @return the delay
	 */
	public Duration retry(int failures, Duration limit) {
		Duration delay = this.firstRetry;
		for (int i = 1; i < failures && delay.compareTo(limit) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(limit) > 0) ? limit : delay;
	}

}
