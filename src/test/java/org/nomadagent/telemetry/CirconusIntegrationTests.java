package org.nomadagent.telemetry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.statsd.StatsdMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.config.GoDuration;
import org.nomadagent.config.Secret;
import org.nomadagent.telemetry.CirconusStandIn.Request;
import org.nomadagent.tls.TestCertificates;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the Circonus sink against a stand-in of the Circonus API and of a broker's HTTPTRAP
 * endpoint: the JSON submitted, the submission cadence, and the check management an API token
 * turns on.
 */
class CirconusIntegrationTests {

	private static final TelemetryTimings FAST = new TelemetryTimings(Duration.ofMillis(50), Duration.ofMillis(20),
			Duration.ofMillis(200), Duration.ofMillis(10));

	private static final String SECRET = "0123456789abcdef";

	private final MetricKeys keys = new MetricKeys();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@TempDir
	Path dir;

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void submissionUrlAloneGetsTheMetricsAsTheLibraryWritesThem() {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		CirconusSettings settings = settings("", circonus.url() + "/module/httptrap/uuid-1/secret-1", "300ms", 0, "");
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		NomadMetrics metrics = metrics(sink);
		metrics.gauge(new AtomicLong(12), AtomicLong::get, "nomad", "heartbeat", "active");
		metrics.counter("nomad", "rpc", "query").increment(3);
		metrics.timer("nomad", "client", "derive_vault_token").record(15_250, TimeUnit.MICROSECONDS);
		metrics.timer("nomad", "client", "derive_vault_token").record(15_900, TimeUnit.MICROSECONDS);
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> !circonus.requests("PUT", "/module/httptrap/").isEmpty());
		Request put = circonus.requests("PUT", "/module/httptrap/").get(0);
		assertThat(put.path()).isEqualTo("/module/httptrap/uuid-1/secret-1");
		assertThat(put.headers()).containsEntry("content-type", "application/json")
			.containsEntry("accept", "application/json");
		assertThat(put.body()).isEqualTo("{\"nomad`nomad`client`derive_vault_token\":{\"_type\":\"n\",\"_value\":"
				+ "[\"H[1.5e+01]=2\"]},\"nomad`nomad`rpc`query\":{\"_type\":\"n\",\"_value\":3},"
				+ "\"nomad`web-1`nomad`heartbeat`active\":{\"_type\":\"n\",\"_value\":\"12\"}}");
		assertThat(circonus.requests()).noneMatch((request) -> request.path().startsWith("/v2"));
	}

	@Test
	void eachSubmissionHoldsWhatWasRecordedSinceTheLastAtMostOnceAnInterval() {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		CirconusSettings settings = settings("", circonus.url() + "/module/httptrap/uuid-1/secret-1", "300ms", 0, "");
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		NomadMetrics metrics = metrics(sink);
		metrics.gauge(new AtomicLong(7), AtomicLong::get, "uptime");
		metrics.counter("nomad", "rpc", "request").increment();
		long start = System.nanoTime();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> circonus.requests("PUT", "/module/httptrap/").size() >= 3);
		long elapsed = System.nanoTime() - start;
		List<Request> puts = circonus.requests("PUT", "/module/httptrap/");
		assertThat(puts.get(0).nanos() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(290));
		assertThat(puts.size()).isLessThanOrEqualTo((int) (elapsed / TimeUnit.MILLISECONDS.toNanos(300)) + 1);
		assertThat(puts.get(0).body()).contains("\"nomad`nomad`rpc`request\":{\"_type\":\"n\",\"_value\":1}");
		assertThat(puts.get(1).body()).isEqualTo("{\"nomad`web-1`uptime\":{\"_type\":\"n\",\"_value\":\"7\"}}");
	}

	@Test
	void nothingIsSubmittedWhenNothingWasRecorded() {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		CirconusSettings settings = settings("", circonus.url() + "/module/httptrap/uuid-1/secret-1", "100ms", 0, "");
		closing(new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval()).start());
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> circonus.requests().isEmpty());
	}

	@Test
	void apiTokenCreatesTheCheckWhenTheSearchFindsNone() throws IOException {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		ServerSocket broker = closing(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()));
		circonus.broker(1, "127.0.0.1", "broker-1.test", "circonus");
		CirconusSettings settings = settings(CirconusStandIn.TOKEN, "", "200ms", 0, circonus.apiUrl());
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, broker.getLocalPort(), () -> SECRET),
				settings.interval());
		metrics(sink).counter("nomad", "rpc", "query").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> !circonus.requests("PUT", "/module/httptrap/").isEmpty());

		List<Request> api = circonus.requests().stream().filter((r) -> r.path().startsWith("/v2")).toList();
		assertThat(api).extracting((r) -> r.method() + " " + r.path() + (r.query().isEmpty() ? "" : "?" + r.query()))
			.containsExactly("GET /v2/check_bundle?search=(active:1)(host:\"web-1:dc1\")(type:\"httptrap\")(tags:service:nomad)",
					"GET /v2/broker", "POST /v2/check_bundle", "PUT /v2/check_bundle/1001");
		assertThat(api).allSatisfy((request) -> assertThat(request.headers())
			.containsEntry("x-circonus-auth-token", CirconusStandIn.TOKEN)
			.containsEntry("x-circonus-app-name", "nomad")
			.containsEntry("accept", "application/json"));
		assertThat(api.get(2).body()).isEqualTo("{\"_reverse_connection_urls\":null,\"brokers\":[\"/broker/1\"],"
				+ "\"config\":{\"async_metrics\":true,\"secret\":\"0123456789abcdef\",\"submission_url\":\"\","
				+ "\"reverse:secret_key\":\"\"},\"display_name\":\"web-1:dc1 /cgm\",\"metrics\":[],\"metric_limit\":0,"
				+ "\"notes\":\"\",\"period\":60,\"status\":\"active\",\"tags\":[\"service:nomad\"],"
				+ "\"target\":\"web-1:dc1\",\"timeout\":10,\"type\":\"httptrap\"}");
		assertThat(circonus.bundle(1001).path("metrics").toString())
			.isEqualTo("[{\"name\":\"nomad`nomad`rpc`query\",\"type\":\"numeric\",\"units\":\"\",\"status\":\"active\","
					+ "\"tags\":null}]");
		Request put = circonus.requests("PUT", "/module/httptrap/").get(0);
		assertThat(put.path()).isEqualTo("/module/httptrap/uuid-1001/" + SECRET);
		assertThat(put.body()).isEqualTo("{\"nomad`nomad`rpc`query\":{\"_type\":\"n\",\"_value\":1}}");
	}

	@Test
	void apiTokenAndCheckIdUseThatCheckAndLeaveDisabledMetricsOut() {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		circonus.broker(1, "127.0.0.1", "broker-1.test", "circonus");
		circonus.bundle(7, "elsewhere", "service:other", "nomad`nomad`rpc`query=active",
				"nomad`nomad`rpc`request=disabled");
		CirconusSettings settings = settings(CirconusStandIn.TOKEN, "", "200ms", 7, circonus.apiUrl());
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		NomadMetrics metrics = metrics(sink);
		metrics.counter("nomad", "rpc", "query").increment();
		metrics.counter("nomad", "rpc", "request").increment();
		metrics.counter("nomad", "rpc", "accept_conn").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> !circonus.requests("PUT", "/module/httptrap/").isEmpty());
		assertThat(circonus.requests()).extracting((r) -> r.method() + " " + r.path())
			.startsWith("GET /v2/check/7", "GET /v2/check_bundle/7", "GET /v2/broker/1", "PUT /v2/check_bundle/7",
					"PUT /module/httptrap/uuid-7/secret-7");
		assertThat(circonus.requests("PUT", "/module/httptrap/").get(0).body())
			.isEqualTo("{\"nomad`nomad`rpc`accept_conn\":{\"_type\":\"n\",\"_value\":1},"
					+ "\"nomad`nomad`rpc`query\":{\"_type\":\"n\",\"_value\":1}}");
		assertThat(circonus.bundle(7).path("metrics")).hasSize(3);
	}

	@Test
	void forcedActivationSendsDisabledMetricsAndEnablesThem() {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		circonus.broker(1, "127.0.0.1", "broker-1.test", "circonus");
		circonus.bundle(7, "elsewhere", "service:other", "nomad`nomad`rpc`request=disabled");
		TelemetryProperties telemetry = new TelemetryProperties("", "", "", false, GoDuration.valueOf("1s"), false,
				false, new Secret(CirconusStandIn.TOKEN), "", circonus.apiUrl(), "200ms", "", "7", "true", "", "", "",
				"");
		CirconusSettings settings = CirconusSettings.of(telemetry, "web-1", "dc1", "web-1");
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		metrics(sink).counter("nomad", "rpc", "request").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> !circonus.requests("PUT", "/module/httptrap/").isEmpty());
		assertThat(circonus.requests("PUT", "/module/httptrap/").get(0).body())
			.isEqualTo("{\"nomad`nomad`rpc`request\":{\"_type\":\"n\",\"_value\":1}}");
		assertThat(circonus.bundle(7).path("metrics").toString())
			.isEqualTo("[{\"name\":\"nomad`nomad`rpc`request\",\"type\":\"numeric\",\"status\":\"active\"}]");
	}

	@Test
	void apiTokenAndSubmissionUrlFindTheCheckByItsUuid() {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		circonus.broker(1, "127.0.0.1", "broker-1.test", "circonus");
		String url = circonus.bundle(9, "elsewhere", "service:other").path("config").path("submission_url").asString();
		CirconusSettings settings = settings(CirconusStandIn.TOKEN, url, "200ms", 0, circonus.apiUrl());
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		metrics(sink).counter("nomad", "rpc", "query").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> !circonus.requests("PUT", "/module/httptrap/").isEmpty());
		assertThat(circonus.requests()).extracting((r) -> r.method() + " " + r.path() + " " + r.query())
			.startsWith("GET /v2/check f__check_uuid=uuid-9", "GET /v2/check_bundle/9 ", "GET /v2/broker/1 ");
	}

	@Test
	void checkThatIsNotActiveGetsNothingAndIsLookedUpAgain() {
		CirconusStandIn circonus = closing(new CirconusStandIn());
		circonus.broker(1, "127.0.0.1", "broker-1.test", "circonus");
		ObjectNode bundle = circonus.bundle(9, "elsewhere", "service:other");
		bundle.put("status", "disabled");
		CirconusSettings settings = settings(CirconusStandIn.TOKEN, bundle.path("config").path("submission_url").asString(),
				"100ms", 0, circonus.apiUrl());
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		metrics(sink).counter("nomad", "rpc", "query").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> circonus.requests("GET", "/v2/check").size() >= 2);
		assertThat(circonus.requests("PUT", "/")).isEmpty();
	}

	@Test
	void brokerNamedByIpIsVerifiedAgainstItsCertificateName() throws IOException {
		TestCertificates ca = TestCertificates.authority("Circonus Test CA");
		CirconusStandIn broker = closing(new CirconusStandIn(ca.issue("broker-1.test", "broker-1.test").serverContext()));
		CirconusStandIn circonus = closing(new CirconusStandIn());
		circonus.caCertificate(Files.readString(ca.writeCertificate(this.dir.resolve("ca.pem"))));
		circonus.trapBase(broker.url());
		circonus.broker(1, "127.0.0.1", "broker-1.test", "circonus");
		circonus.bundle(5, "web-1:dc1", "service:nomad");
		CirconusSettings settings = settings(CirconusStandIn.TOKEN, "", "200ms", 0, circonus.apiUrl());
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		metrics(sink).counter("nomad", "rpc", "query").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> !broker.requests("PUT", "/module/httptrap/").isEmpty());
		assertThat(circonus.requests()).extracting(Request::path).contains("/v2/pki/ca.crt");
		assertThat(broker.requests("PUT", "/module/httptrap/").get(0).path()).isEqualTo("/module/httptrap/uuid-5/secret-5");
	}

	@Test
	void brokerWhoseCertificateHasAnotherNameGetsNothing() throws IOException {
		TestCertificates ca = TestCertificates.authority("Circonus Test CA");
		CirconusStandIn broker = closing(new CirconusStandIn(ca.issue("impostor.test", "impostor.test").serverContext()));
		CirconusStandIn circonus = closing(new CirconusStandIn());
		circonus.caCertificate(Files.readString(ca.writeCertificate(this.dir.resolve("ca.pem"))));
		circonus.trapBase(broker.url());
		circonus.broker(1, "127.0.0.1", "broker-1.test", "circonus");
		circonus.bundle(5, "web-1:dc1", "service:nomad");
		CirconusSettings settings = settings(CirconusStandIn.TOKEN, "", "100ms", 0, circonus.apiUrl());
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		metrics(sink).counter("nomad", "rpc", "query").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> sink.failure() != null);
		assertThat(sink.failure()).contains("No subject alternative");
		assertThat(circonus.requests()).extracting(Request::path).contains("/v2/pki/ca.crt");
		assertThat(broker.requests()).isEmpty();
	}

	@Test
	void httpsSubmissionUrlWithoutATokenTrustsOnlyTheJvmsCertificateAuthorities() {
		TestCertificates ca = TestCertificates.authority("Unknown CA");
		CirconusStandIn broker = closing(new CirconusStandIn(ca.issue("localhost", "127.0.0.1").serverContext()));
		CirconusSettings settings = settings("", broker.url() + "/module/httptrap/uuid-1/secret-1", "100ms", 0, "");
		CirconusSink sink = new CirconusSink(CirconusCheck.create(settings, FAST, 0, () -> SECRET), settings.interval());
		metrics(sink).counter("nomad", "rpc", "query").increment();
		closing(sink.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> sink.failure() != null);
		assertThat(sink.failure()).contains("PKIX");
		assertThat(broker.requests()).isEmpty();
	}

	@Test
	void unreachableCirconusNeverBlocksRecording() throws IOException {
		ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		String nowhere = "http://127.0.0.1:" + closed.getLocalPort() + "/v2";
		closed.close();
		CirconusSettings settings = settings(CirconusStandIn.TOKEN, "", "100ms", 0, nowhere);
		CirconusSink sink = closing(
				new CirconusSink(CirconusCheck.create(settings, TelemetryTimings.NOMAD, 0, () -> SECRET),
						settings.interval())
					.start());
		NomadMetrics metrics = metrics(sink);
		long start = System.nanoTime();
		for (int i = 0; i < 10_000; i++) {
			metrics.counter("nomad", "rpc", "query").increment();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	private NomadMetrics metrics(CirconusSink sink) {
		StatsdMeterRegistry registry = TelemetrySinks.registry(sink, this.keys, SinkFormat.CIRCONUS, "web-1", "",
				Duration.ofMillis(50));
		closing(registry::close);
		return new NomadMetrics(registry, this.keys);
	}

	private static CirconusSettings settings(String token, String submissionUrl, String interval, int checkId,
			String apiUrl) {
		TelemetryProperties telemetry = new TelemetryProperties("", "", "", false, GoDuration.valueOf("1s"), false,
				false, new Secret(token), "", apiUrl, interval, submissionUrl, (checkId != 0) ? "" + checkId : "", "",
				"", "", "", "");
		return CirconusSettings.of(telemetry, "web-1", "dc1", "web-1");
	}

	private <T extends AutoCloseable> T closing(T closeable) {
		this.closeables.add(0, closeable);
		return closeable;
	}

}
