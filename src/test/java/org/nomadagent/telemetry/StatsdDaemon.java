package org.nomadagent.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Etsy's statsd daemon (npm {@code statsd} 0.9.0, installed by the build under
 * {@code .ci-tools/statsd-0.9.0}) run with node on free loopback ports, UDP and TCP on the same port. It
 * logs every line it receives ({@code dumpMessages}) and a small backend writes each flush as a
 * JSON line, so that a test can read what the daemon made of the lines.
 */
final class StatsdDaemon implements AutoCloseable {

	/** Where the build installs the daemon (the {@code statsd-daemon} profile of the pom). */
	static final Path STATS_JS = Path.of(".ci-tools/statsd-0.9.0/node_modules/statsd/stats.js").toAbsolutePath();

	private static final String BACKEND = """
			const fs = require('fs');
			exports.init = function (startup, config, events) {
			  events.on('flush', function (timestamp, metrics) {
			    fs.appendFileSync(config.fileBackend.path, JSON.stringify({ counters: metrics.counters,
			      gauges: metrics.gauges, timers: metrics.timers }) + '\\n');
			  });
			  return true;
			};
			""";

	private final Process process;

	private final Path output;

	private final Path flushes;

	private final int port;

	private StatsdDaemon(Process process, Path output, Path flushes, int port) {
		this.process = process;
		this.output = output;
		this.flushes = flushes;
		this.port = port;
	}

	/**
	 * Starts the daemon and waits until it listens.
	 * @param directory a directory for its configuration and output
	 * @return the running daemon
	 */
	static StatsdDaemon start(Path directory) throws IOException {
		assertThat(STATS_JS).as("the statsd daemon, which mvn verify installs before the integration tests")
			.exists();
		int port = freeUdpAndTcpPort();
		int adminPort = freeTcpPort();
		Path backend = Files.writeString(directory.resolve("flush-backend.js"), BACKEND);
		Path flushes = directory.resolve("flushes.jsonl");
		Path config = Files.writeString(directory.resolve("statsd-config.js"), JsonMapper.builder().build()
			.writeValueAsString(Map.of("servers",
					List.of(Map.of("server", "./servers/udp", "address", "127.0.0.1", "port", port),
							Map.of("server", "./servers/tcp", "address", "127.0.0.1", "port", port)),
					"mgmt_address", "127.0.0.1", "mgmt_port", adminPort, "flushInterval", 500, "backends",
					List.of(backend.toString()), "fileBackend", Map.of("path", flushes.toString()), "dumpMessages",
					true)));
		Path output = directory.resolve("statsd.out");
		Process process = new ProcessBuilder("node", STATS_JS.toString(), config.toString())
			.directory(STATS_JS.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		StatsdDaemon daemon = new StatsdDaemon(process, output, flushes, port);
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
				assertThat(process.isAlive()).as("statsd is running: %s", daemon.output()).isTrue();
				return listens(port) && listens(adminPort);
			});
		}
		catch (RuntimeException | AssertionError ex) {
			daemon.close();
			throw ex;
		}
		return daemon;
	}

	String address() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * Returns the lines the daemon received, as it logged them ({@code DEBUG: <line>}).
	 */
	List<String> received() {
		return output().lines()
			.filter((line) -> line.contains(" - DEBUG: "))
			.map((line) -> line.substring(line.indexOf(" - DEBUG: ") + " - DEBUG: ".length()))
			.toList();
	}

	/**
	 * Returns the flushes so far, each with its {@code counters}, {@code gauges} and
	 * {@code timers}.
	 */
	List<JsonNode> flushes() {
		if (!Files.exists(this.flushes)) {
			return List.of();
		}
		JsonMapper json = JsonMapper.builder().build();
		try {
			return Files.readAllLines(this.flushes).stream().map(json::readTree).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String output() {
		try {
			return Files.exists(this.output) ? Files.readString(this.output, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freeTcpPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static int freeUdpAndTcpPort() throws IOException {
		for (int attempt = 0; attempt < 20; attempt++) {
			int port = freeTcpPort();
			try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
				return port;
			}
			catch (IOException ex) {
				// Taken for UDP; try another.
			}
		}
		throw new IOException("no port free for both UDP and TCP");
	}

}
