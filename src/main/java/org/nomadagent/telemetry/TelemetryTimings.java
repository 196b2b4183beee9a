package org.nomadagent.telemetry;

import java.time.Duration;

/**
 * The fixed periods of Nomad's telemetry, gathered so that tests can shorten them.
 *
 * @param poll how often gauges are read and sent (go-metrics' {@code ProfileInterval}, 1s)
 * @param flush how often a sink writes what it buffered (go-metrics' {@code flushInterval}, 100ms)
 * @param reconnect how long a sink that lost its daemon waits before connecting again, dropping
 * metrics meanwhile (go-metrics' 5s)
 * @param retry the first wait before a Circonus request is retried; it doubles each time
 * (go-retryablehttp's {@code RetryWaitMin}, 1s)
 */
record TelemetryTimings(Duration poll, Duration flush, Duration reconnect, Duration retry) {

	/** Nomad's periods. */
	static final TelemetryTimings NOMAD = new TelemetryTimings(Duration.ofSeconds(1), Duration.ofMillis(100),
			Duration.ofSeconds(5), Duration.ofSeconds(1));

}
