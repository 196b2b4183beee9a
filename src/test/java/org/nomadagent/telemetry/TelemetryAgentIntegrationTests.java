package org.nomadagent.telemetry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts real agents with sinks pointed at receivers on loopback and checks the exact lines each
 * sink receives.
 */
class TelemetryAgentIntegrationTests {

	private static final String HOST = LocalHostName.read();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dir;

	@Test
	void everySinkReceivesNomadsLines() throws Exception {
		try (UdpReceiver statsd = new UdpReceiver(); UdpReceiver datadog = new UdpReceiver();
				TcpReceiver statsite = new TcpReceiver(); CirconusStandIn circonus = new CirconusStandIn();
				TestAgent agent = TestAgent.start(this.dir, """
						name = "%s"
						telemetry {
						  statsd_address = "%s"
						  statsite_address = "%s"
						  datadog_address = "%s"
						  circonus_submission_url = "%s/module/httptrap/uuid-1/secret-1"
						  circonus_submission_interval = "500ms"
						}
						""".formatted(HOST, statsd.address(), statsite.address(), datadog.address(), circonus.url()),
						"-dev")) {
			NomadMetrics metrics = agent.bean(NomadMetrics.class);
			metrics.gauge(new AtomicLong(12), AtomicLong::get, "nomad", "heartbeat", "active");
			metrics.counter("nomad", "rpc", "query").increment();
			metrics.timer("nomad", "client", "derive_vault_token").record(15_250, TimeUnit.MICROSECONDS);
			assertThat(get(agent, "/v1/agent/self").statusCode()).isEqualTo(200);

			String gauge = "nomad." + HOST + ".nomad.heartbeat.active:12.000000|g";
			List<String> expected = List.of("nomad.nomad.rpc.query:1.000000|c",
					"nomad.nomad.client.derive_vault_token:15.250000|ms", gauge);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				assertThat(statsd.lines()).containsAll(expected);
				assertThat(statsite.lines()).containsAll(expected);
				assertThat(datadog.datagrams()).contains("nomad.nomad.rpc.query:1|c",
						"nomad.nomad.client.derive_vault_token:15.250000|ms",
						// DogStatsD takes the node name out of the key.
						"nomad.nomad.heartbeat.active:12.000000|g");
			});
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(statsd.lines()).anyMatch(matches("nomad\\." + Pattern.quote(HOST)
						+ "\\.runtime\\.num_goroutines:[1-9][0-9]*\\.000000\\|g"));
				assertThat(statsd.lines()).anyMatch(matches("nomad\\." + Pattern.quote(HOST)
						+ "\\.runtime\\.alloc_bytes:[1-9][0-9]*\\.000000\\|g"));
				assertThat(statsd.lines()).anyMatch(matches("nomad\\.http\\.GET\\.v1\\.agent\\.self:[0-9]+\\.[0-9]{6}\\|ms"));
				assertThat(datadog.datagrams()).anyMatch(matches("nomad\\.runtime\\.num_goroutines:[0-9]+\\.000000\\|g"));
			});
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				List<String> submitted = circonus.requests().stream().map(CirconusStandIn.Request::body).toList();
				assertThat(submitted).anyMatch((body) -> body.contains("\"nomad`nomad`rpc`query\":{\"_type\":\"n\",\"_value\":1}"));
				assertThat(submitted).anyMatch((body) -> body.contains(
						"\"nomad`" + HOST + "`nomad`heartbeat`active\":{\"_type\":\"n\",\"_value\":\"12\"}"));
				assertThat(submitted).anyMatch((body) -> body.contains(
						"\"nomad`nomad`client`derive_vault_token\":{\"_type\":\"n\",\"_value\":[\"H[1.5e+01]=1\"]}"));
				assertThat(submitted).anyMatch((body) -> body.contains("\"nomad`" + HOST + "`runtime`num_goroutines\":"));
			});
			// Only Nomad's names reach a sink, never Micrometer's own meters.
			assertThat(statsd.lines()).allMatch((line) -> line.startsWith("nomad."));
			assertThat(statsite.lines()).allMatch((line) -> line.startsWith("nomad."));
			String actuator = get(agent, "/actuator/metrics").body();
			assertThat(actuator).contains("\"nomad.runtime.num_goroutines\"", "\"nomad.http.GET.v1.agent.self\"",
					"\"jvm.memory.used\"", "\"process.cpu.usage\"");
		}
	}

	@Test
	void disableHostnameLeavesTheHostNameOutOfGauges() {
		try (UdpReceiver statsd = new UdpReceiver();
				TestAgent agent = TestAgent.start(this.dir, """
						telemetry {
						  statsd_address = "%s"
						  disable_hostname = true
						}
						""".formatted(statsd.address()), "-dev")) {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(statsd.lines())
					.anyMatch(matches("nomad\\.runtime\\.num_goroutines:[0-9]+\\.000000\\|g")));
			assertThat(statsd.lines()).noneMatch((line) -> line.startsWith("nomad." + HOST + "."));
		}
	}

	@Test
	void agentStartsAndAnswersWhenNoDaemonListens() throws Exception {
		TcpReceiver closed = new TcpReceiver();
		String nobody = closed.address();
		closed.close();
		try (TestAgent agent = TestAgent.start(this.dir, """
				telemetry {
				  statsd_address = "%1$s"
				  statsite_address = "%1$s"
				  datadog_address = "%1$s"
				}
				""".formatted(nobody), "-dev")) {
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				assertThat(get(agent, "/v1/agent/self").statusCode()).isEqualTo(200);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			}
		}
	}

	private HttpResponse<String> get(TestAgent agent, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(agent.url() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static java.util.function.Predicate<String> matches(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return (line) -> pattern.matcher(line).matches();
	}

}
