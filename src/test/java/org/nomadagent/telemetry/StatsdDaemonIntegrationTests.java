package org.nomadagent.telemetry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sends an agent's metrics to a real statsd daemon, over UDP ({@code statsd_address}) and TCP
 * ({@code statsite_address}) at once, and checks what the daemon received and made of it.
 */
class StatsdDaemonIntegrationTests {

	private static final String HOST = LocalHostName.read();

	@TempDir
	Path dir;

	@Test
	void statsdDaemonAcceptsEveryLineOverUdpAndTcp() throws Exception {
		try (StatsdDaemon daemon = StatsdDaemon.start(this.dir);
				TestAgent agent = TestAgent.start(this.dir.resolve("agent"), """
						telemetry {
						  statsd_address = "%1$s"
						  statsite_address = "%1$s"
						}
						""".formatted(daemon.address()), "-dev")) {
			NomadMetrics metrics = agent.bean(NomadMetrics.class);
			metrics.gauge(new AtomicLong(12), AtomicLong::get, "nomad", "heartbeat", "active");
			metrics.counter("nomad", "rpc", "query").increment();
			metrics.timer("nomad", "client", "derive_vault_token").record(15_250, TimeUnit.MICROSECONDS);

			String gauge = "nomad." + HOST + ".nomad.heartbeat.active";
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<String> received = daemon.received();
				// Once over UDP, once over TCP.
				assertThat(Collections.frequency(received, "nomad.nomad.rpc.query:1.000000|c")).isEqualTo(2);
				assertThat(Collections.frequency(received, "nomad.nomad.client.derive_vault_token:15.250000|ms"))
					.isEqualTo(2);
				assertThat(received).contains(gauge + ":12.000000|g");
			});
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				List<JsonNode> flushes = daemon.flushes();
				assertThat(sum(flushes, "counters", "nomad.nomad.rpc.query")).isEqualTo(2);
				assertThat(flushes.get(flushes.size() - 1).path("gauges").path(gauge).asDouble()).isEqualTo(12);
				assertThat(flushes.stream()
					.flatMap((flush) -> flush.path("timers").path("nomad.nomad.client.derive_vault_token").valueStream())
					.map(JsonNode::asDouble)).containsExactly(15.25, 15.25);
				assertThat(flushes.get(flushes.size() - 1).path("gauges").has("nomad." + HOST + ".runtime.num_goroutines"))
					.isTrue();
			});
			assertThat(sum(daemon.flushes(), "counters", "statsd.bad_lines_seen")).isZero();
			assertThat(daemon.received()).allMatch((line) -> line.startsWith("nomad."));
		}
	}

	private static double sum(List<JsonNode> flushes, String kind, String key) {
		return flushes.stream().mapToDouble((flush) -> flush.path(kind).path(key).asDouble(0)).sum();
	}

}
