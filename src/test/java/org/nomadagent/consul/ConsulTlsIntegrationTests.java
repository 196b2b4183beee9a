package org.nomadagent.consul;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.tls.TestCertificates;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for Consul over HTTPS: a CA file, a PEM client certificate, {@code verify_ssl}, against an
 * HTTPS {@link ConsulStandIn} that requires a client certificate signed by the test CA.
 */
class ConsulTlsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final TestCertificates ca = TestCertificates.authority("Consul CA");

	private static final TestCertificates otherCa = TestCertificates.authority("Someone Else's CA");

	@TempDir
	static Path dir;

	private static Path caFile;

	private static Path certFile;

	private static Path keyFile;

	@BeforeAll
	static void writeClientFiles() {
		caFile = ca.writeCertificate(dir.resolve("consul-ca.pem"));
		TestCertificates.Issued client = ca.issueEc("nomad-client");
		certFile = client.writeCertificate(dir.resolve("nomad-client.pem"));
		keyFile = client.writeTraditionalKey(dir.resolve("nomad-client-key.pem"));
	}

	@Test
	void caFileAndClientCertificateReachConsulOverHttps() {
		try (ConsulStandIn consul = ConsulStandIn.startHttps(serverContext(ca.issueEc("consul", "127.0.0.1")), true)) {
			runner(consul).run((context) -> {
				await().atMost(WAIT).until(() -> consul.services().containsKey("_nomad-client-nomad-client-http"));
				assertThat(consul.requests()).extracting(RecordedConsulRequest::clientCertificate)
					.containsOnly("CN=nomad-client");
			});
		}
	}

	@Test
	void verifySslFalseAcceptsAnyServerAndStillPresentsTheClientCertificate() {
		try (ConsulStandIn consul = ConsulStandIn.startHttps(serverContext(otherCa.issueEc("consul", "elsewhere")),
				true)) {
			runner(consul).withPropertyValues("nomad.consul.verify-ssl=false").run((context) -> {
				await().atMost(WAIT).until(() -> consul.services().containsKey("_nomad-client-nomad-client-http"));
				assertThat(consul.requests()).extracting(RecordedConsulRequest::clientCertificate)
					.containsOnly("CN=nomad-client");
			});
		}
	}

	@Test
	void serverSignedByAnotherCaIsRefused() {
		try (ConsulStandIn consul = ConsulStandIn.startHttps(serverContext(otherCa.issueEc("consul", "127.0.0.1")),
				true)) {
			runner(consul).run((context) -> {
				HealthIndicator health = context.getBean("consulHealthIndicator", HealthIndicator.class);
				await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
				assertThat(consul.requests()).isEmpty();
			});
		}
	}

	@Test
	void serverCertificateMustNameTheHostOfTheAddress() {
		try (ConsulStandIn consul = ConsulStandIn.startHttps(serverContext(ca.issueEc("consul", "consul.example")),
				true)) {
			runner(consul).run((context) -> {
				HealthIndicator health = context.getBean("consulHealthIndicator", HealthIndicator.class);
				await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
				assertThat(consul.requests()).isEmpty();
			});
		}
	}

	private ApplicationContextRunner runner(ConsulStandIn consul) {
		return ConsulFixtures.runner(ConsulFixtures.identity(false, true, 0, 4646), consul.address(), dir)
			.withPropertyValues("nomad.consul.ssl=true", "nomad.consul.ca-file=" + caFile,
					"nomad.consul.cert-file=" + certFile, "nomad.consul.key-file=" + keyFile,
					"nomad.consul.client-auto-join=false");
	}

	/**
	 * A server context presenting a certificate and accepting client certificates of the test CA.
	 */
	private static SSLContext serverContext(TestCertificates.Issued server) {
		try {
			char[] password = "test".toCharArray();
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(null, null);
			keys.setKeyEntry("server", server.key(), password,
					new X509Certificate[] { server.certificate(), server.issuer() });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, password);
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("ca", ca.certificate());
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
