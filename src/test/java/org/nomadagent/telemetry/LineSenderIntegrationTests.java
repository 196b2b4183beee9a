package org.nomadagent.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link UdpLineSender} and {@link TcpLineSender} against real receivers on loopback.
 */
class LineSenderIntegrationTests {

	private static final TelemetryTimings FAST = new TelemetryTimings(Duration.ofMillis(50), Duration.ofMillis(20),
			Duration.ofMillis(200), Duration.ofMillis(10));

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void statsdLinesEndWithNewlinesAndShareADatagram() {
		UdpReceiver receiver = closing(new UdpReceiver());
		LineSender sender = closing(new UdpLineSender("statsd", address(receiver.address()), true, FAST).start());
		sender.accept("nomad.a:1.000000|c");
		sender.accept("nomad.b:2.000000|g");
		sender.accept("nomad.c:3.000000|ms");
		await().atMost(Duration.ofSeconds(5)).until(() -> receiver.lines().size() == 3);
		assertThat(receiver.datagrams()).containsExactly("nomad.a:1.000000|c\nnomad.b:2.000000|g\nnomad.c:3.000000|ms\n");
	}

	@Test
	void statsdDatagramsStayWithin1400Bytes() {
		UdpReceiver receiver = closing(new UdpReceiver());
		LineSender sender = closing(new UdpLineSender("statsd", address(receiver.address()), true, FAST).start());
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String line = "nomad.padding." + "x".repeat(60) + "." + i + ":1.000000|c";
			sent.add(line);
			sender.accept(line);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> receiver.lines().size() == 40);
		assertThat(receiver.lines()).isEqualTo(sent);
		assertThat(receiver.datagrams()).hasSizeGreaterThan(1)
			.allSatisfy((datagram) -> assertThat(datagram.length()).isLessThanOrEqualTo(UdpLineSender.MAX_PACKET));
	}

	@Test
	void dogStatsdSendsEachLineAloneWithoutNewline() {
		UdpReceiver receiver = closing(new UdpReceiver());
		LineSender sender = closing(new UdpLineSender("datadog", address(receiver.address()), false, FAST).start());
		sender.accept("nomad.a:1|c");
		sender.accept("nomad.b:2.000000|g");
		await().atMost(Duration.ofSeconds(5)).until(() -> receiver.datagrams().size() == 2);
		assertThat(receiver.datagrams()).containsExactly("nomad.a:1|c", "nomad.b:2.000000|g");
	}

	@Test
	void statsiteLinesArriveNewlineTerminatedOverTcp() {
		TcpReceiver receiver = closing(new TcpReceiver());
		LineSender sender = closing(new TcpLineSender("statsite", address(receiver.address()), FAST).start());
		sender.accept("nomad.a:1.000000|c");
		sender.accept("nomad.b:2.000000|g");
		await().atMost(Duration.ofSeconds(5)).until(() -> receiver.lines().size() == 2);
		assertThat(receiver.lines()).containsExactly("nomad.a:1.000000|c", "nomad.b:2.000000|g");
	}

	@Test
	void statsiteReconnectsAfterTheDaemonRestarts() {
		TcpReceiver first = new TcpReceiver();
		int port = first.port();
		LineSender sender = closing(new TcpLineSender("statsite", address(first.address()), FAST).start());
		sender.accept("nomad.before:1.000000|c");
		await().atMost(Duration.ofSeconds(5)).until(() -> first.lines().contains("nomad.before:1.000000|c"));
		first.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> !sender.connected());
		TcpReceiver second = closing(new TcpReceiver(port));
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			sender.accept("nomad.after:1.000000|c");
			return second.lines().contains("nomad.after:1.000000|c");
		});
		assertThat(second.connections()).isEqualTo(1);
	}

	@Test
	void acceptingNeverBlocksWhenNothingListens() {
		TcpReceiver closed = new TcpReceiver();
		String nobody = closed.address();
		closed.close();
		LineSender tcp = closing(new TcpLineSender("statsite", address(nobody), FAST).start());
		LineSender udp = closing(new UdpLineSender("statsd", address(nobody), true, FAST).start());
		// A non-routable address: connecting hangs, or fails at once where there is no route (some
		// sandboxes even accept the connection and break it later).
		LineSender blackhole = closing(
				new TcpLineSender("statsite", address("10.255.255.1:8125"), TelemetryTimings.NOMAD).start());
		// A name that never resolves (.invalid): looked up on the sender's thread, never the caller's.
		LineSender unresolved = closing(
				new UdpLineSender("datadog", address("statsd.invalid:8125"), false, TelemetryTimings.NOMAD).start());
		long start = System.nanoTime();
		for (int i = 0; i < 50_000; i++) {
			tcp.accept("nomad.x:1.000000|c");
			udp.accept("nomad.x:1.000000|c");
			blackhole.accept("nomad.x:1.000000|c");
			unresolved.accept("nomad.x:1|c");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(tcp.connected()).isFalse();
		assertThat(tcp.dropped()).isPositive();
	}

	private static SinkAddress address(String text) {
		return SinkAddress.parse("test_address", text);
	}

	private <T extends AutoCloseable> T closing(T closeable) {
		this.closeables.add(0, closeable);
		return closeable;
	}

}
