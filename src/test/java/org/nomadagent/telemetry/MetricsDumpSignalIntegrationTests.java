package org.nomadagent.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.nomadagent.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sends {@code SIGUSR1} to the test's own JVM and checks that the in-memory sink is written out.
 */
class MetricsDumpSignalIntegrationTests {

	@Test
	void sigusr1WritesTheInMemorySink() throws Exception {
		MutableClock clock = new MutableClock(Instant.now().minusSeconds(20));
		InMemorySink sink = new InMemorySink(clock);
		sink.accept("nomad.nomad.rpc.query:1|c");
		clock.set(Instant.now());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MetricsDumpSignal signal = new MetricsDumpSignal(sink, new PrintStream(out, true, StandardCharsets.UTF_8))
			.install()) {
			// Without a handler, SIGUSR1 would end the JVM.
			assertThat(signal.installed()).isTrue();
			Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(ProcessHandle.current().pid())).start();
			assertThat(kill.waitFor()).isZero();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> out.toString(StandardCharsets.UTF_8).contains("[C] 'nomad.nomad.rpc.query': Count: 1 Sum: 1.000"));
		}
	}

}
