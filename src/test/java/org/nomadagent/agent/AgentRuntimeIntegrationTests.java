package org.nomadagent.agent;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.tls.TestCertificates;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running agent: TLS on the HTTP API, an IPv6 loopback listener, readiness during a leave,
 * the actuator endpoints, and syslog.
 */
class AgentRuntimeIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void tlsServesTheApiOverHttpsWithTheConfiguredCertificate() throws Exception {
		TestCertificates ca = TestCertificates.authority("Nomad CA");
		TestCertificates.Issued server = ca.issue("server.global.nomad", "localhost", "127.0.0.1");
		Path cert = server.writeCertificate(this.dir.resolve("tls/server.pem"));
		Path key = server.writeTraditionalKey(this.dir.resolve("tls/server-key.pem"));
		Path caFile = ca.writeCertificate(this.dir.resolve("tls/ca.pem"));
		String hcl = "tls {\n  http = true\n  ca_file = \"" + caFile + "\"\n  cert_file = \"" + cert + "\"\n  key_file = \""
				+ key + "\"\n}\n";
		try (TestAgent agent = TestAgent.start(this.dir.resolve("agent"), hcl, "-dev")) {
			assertThat(agent.url()).startsWith("https://");
			HttpClient https = HttpClient.newBuilder().sslContext(trusting(ca)).build();
			HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(agent.url() + "/v1/regions")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("[\"global\"]");
		}
	}

	@Test
	void usesTheContextGeneratedAtBuildTimeExactlyWhenSpringAotIsEnabled() {
		// The integration tests run twice, the second time with -Dspring.aot.enabled=true (pom.xml).
		boolean aot = Boolean.getBoolean("spring.aot.enabled");
		try (TestAgent agent = TestAgent.start(this.dir, "", "-dev")) {
			// Only a context built at start parses configuration classes.
			assertThat(agent.context()
				.getBeanFactory()
				.containsBeanDefinition(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME))
				.isEqualTo(!aot);
			assertThat(agent.context().getBeanFactory().containsBeanDefinition("consulSyncLoop")).isTrue();
		}
	}

	@Test
	void ipv6LoopbackBindServesTheApi() throws Exception {
		// Nomad v0.5 failed here: "address ::1:4646: too many colons in address".
		try (TestAgent agent = TestAgent.start(this.dir, "bind_addr = \"::1\"\n", "-dev")) {
			assertThat(agent.url()).startsWith("http://[::1]:");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(agent.url() + "/v1/status/leader")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).isEqualTo("\"[::1]:" + agent.identity().rpcAdvertise().port() + "\"");
		}
	}

	@Test
	void readinessGoesDownWhenTheAgentLeavesWhileLivenessStaysUp() throws Exception {
		try (TestAgent agent = TestAgent.start(this.dir, "", "-dev")) {
			HttpClient http = HttpClient.newHttpClient();
			assertThat(status(http, agent, "/actuator/health/readiness")).isEqualTo(200);
			agent.leave();
			assertThat(status(http, agent, "/actuator/health/readiness")).isEqualTo(503);
			assertThat(status(http, agent, "/actuator/health/liveness")).isEqualTo(200);
		}
	}

	@Test
	void actuatorShowsTheVersionOriginsAndNoSecretEvenWithValuesShown() throws Exception {
		String hcl = "datacenter = \"dc9\"\nvault {\n  token = \"s.super-secret-token\"\n}\nconsul {\n  token = \"consul-secret-token\"\n"
				+ "  auth = \"user:consul-secret-auth\"\n}\ntelemetry {\n  circonus_api_token = \"circonus-secret\"\n}\n"
				+ "atlas {\n  token = \"atlas-secret\"\n}\nserver {\n  encrypt = \"c2l4dGVlbi1ieXRlLWtleQ==\"\n}\n";
		System.setProperty("management.endpoint.configprops.show-values", "always");
		try (TestAgent agent = TestAgent.start(this.dir, hcl, "-dev")) {
			HttpClient http = HttpClient.newHttpClient();
			String info = body(http, agent, "/actuator/info");
			assertThat(info).contains("\"nomadVersion\":\"0.5.0\"");
			String configprops = body(http, agent, "/actuator/configprops");
			assertThat(configprops)
				.contains("\"datacenter\":{\"value\":\"dc9\",\"origin\":\"" + this.dir.resolve("10-agent.hcl") + ":1:14\"}");
			for (String path : new String[] { "/actuator/info", "/actuator/health", "/actuator/metrics",
					"/actuator/configprops", "/v1/agent/self", "/v1/agent/self?pretty" }) {
				assertThat(body(http, agent, path)).as(path)
					.doesNotContain("super-secret", "consul-secret", "circonus-secret", "atlas-secret",
							"c2l4dGVlbi1ieXRlLWtleQ==");
			}
		}
		finally {
			System.clearProperty("management.endpoint.configprops.show-values");
		}
	}

	@Test
	void syslogReceivesTheAgentsLinesWithNomadsPriorities() throws Exception {
		try (DatagramSocket syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			syslog.setSoTimeout(10_000);
			System.setProperty("nomad-agent.syslog.port", Integer.toString(syslog.getLocalPort()));
			try (TestAgent agent = TestAgent.start(this.dir, "enable_syslog = true\nsyslog_facility = \"local1\"\n",
					"-dev")) {
				LoggerFactory.getLogger("org.nomadagent.test").warn("test: a warning for syslog");
				String line = receive(syslog, "a warning for syslog");
				// LOCAL1 (17) * 8 + warning (4) = 140.
				assertThat(line).startsWith("<140>").endsWith("]: test: a warning for syslog").contains(" nomad[");
				LoggerFactory.getLogger("org.nomadagent.test").info("test: a notice");
				assertThat(receive(syslog, "a notice")).startsWith("<141>");
			}
			finally {
				System.clearProperty("nomad-agent.syslog.port");
			}
		}
	}

	private static String receive(DatagramSocket socket, String containing) throws Exception {
		byte[] buffer = new byte[4096];
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			socket.receive(packet);
			String line = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
			if (line.contains(containing)) {
				return line;
			}
		}
		throw new AssertionError("No syslog line containing " + containing);
	}

	private static int status(HttpClient http, TestAgent agent, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(agent.url() + path)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String body(HttpClient http, TestAgent agent, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(agent.url() + path)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private static SSLContext trusting(TestCertificates ca) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("ca", ca.certificate());
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
