package org.nomadagent.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.testing.StandInServers;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link TlsRequestFactory} and {@link TlsContexts}, against an HTTPS server that
 * requires a client certificate and whose certificate names only {@code vault.service.consul}.
 */
class TlsRequestFactoryTests {

	@TempDir
	Path dir;

	private final TestCertificates ca = TestCertificates.authority("Test CA");

	private HttpsServer server;

	@BeforeEach
	void startServer() throws IOException {
		TestCertificates.Issued serverCertificate = this.ca.issue("vault", "vault.service.consul");
		this.server = StandInServers.https(serverCertificate.serverContext(), true);
		this.server.createContext("/", (exchange) -> {
			String client;
			try {
				client = ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName();
			}
			catch (SSLPeerUnverifiedException ex) {
				client = "none";
			}
			byte[] body = client.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void requestWithCaFileClientCertificateAndServerNameSucceeds() throws Exception {
		TlsClientOptions options = new TlsClientOptions(this.ca.writeCertificate(this.dir.resolve("ca.pem")).toString(),
				"", clientCertificate(), pkcs8Key(), "vault.service.consul", false);
		assertThat(get(options)).isEqualTo("CN=nomad-client");
	}

	@Test
	void requestWithoutServerNameFailsBecauseTheCertificateDoesNotNameTheAddress() throws Exception {
		TlsClientOptions options = new TlsClientOptions(this.ca.writeCertificate(this.dir.resolve("ca.pem")).toString(),
				"", clientCertificate(), pkcs8Key(), "", false);
		assertThatIOException().isThrownBy(() -> get(options));
	}

	@Test
	void requestWithCaDirectorySucceeds() throws Exception {
		Path certs = Files.createDirectories(this.dir.resolve("ca.d"));
		this.ca.writeCertificate(certs.resolve("ca.pem"));
		TestCertificates.authority("Other CA").writeCertificate(certs.resolve("other.crt"));
		TlsClientOptions options = new TlsClientOptions("", certs.toString(), clientCertificate(), pkcs8Key(),
				"vault.service.consul", false);
		assertThat(get(options)).isEqualTo("CN=nomad-client");
	}

	@Test
	void requestWithPkcs1KeySucceeds() throws Exception {
		TestCertificates.Issued client = this.ca.issue("nomad-client");
		TlsClientOptions options = new TlsClientOptions(this.ca.writeCertificate(this.dir.resolve("ca.pem")).toString(),
				"", client.writeCertificate(this.dir.resolve("c.pem")).toString(),
				client.writeTraditionalKey(this.dir.resolve("c-key.pem")).toString(), "vault.service.consul", false);
		assertThat(get(options)).isEqualTo("CN=nomad-client");
	}

	@Test
	void requestWithEcKeySucceeds() throws Exception {
		TestCertificates.Issued client = this.ca.issueEc("nomad-ec");
		TlsClientOptions options = new TlsClientOptions(this.ca.writeCertificate(this.dir.resolve("ca.pem")).toString(),
				"", client.writeCertificate(this.dir.resolve("c.pem")).toString(),
				client.writeTraditionalKey(this.dir.resolve("c-key.pem")).toString(), "vault.service.consul", false);
		assertThat(get(options)).isEqualTo("CN=nomad-ec");
	}

	@Test
	void requestWithSkipVerifyTrustsAnyServer() throws Exception {
		TlsClientOptions options = new TlsClientOptions("", "", clientCertificate(), pkcs8Key(), "", true);
		assertThat(get(options)).isEqualTo("CN=nomad-client");
	}

	@Test
	void requestWithoutTheRightCaFails() throws Exception {
		TlsClientOptions options = new TlsClientOptions(
				TestCertificates.authority("Other CA").writeCertificate(this.dir.resolve("other.pem")).toString(), "",
				clientCertificate(), pkcs8Key(), "vault.service.consul", false);
		assertThatIOException().isThrownBy(() -> get(options));
	}

	@Test
	void certificateWithoutKeyIsRefused() {
		TlsClientOptions options = new TlsClientOptions("", "", "client.pem", "", "", false);
		assertThatExceptionOfType(TlsSetupException.class).isThrownBy(() -> TlsContexts.clientContext(options, this.dir))
			.withMessage("Both client cert and client key must be provided");
	}

	@Test
	void missingCaFileIsRefusedNamingTheFile() {
		TlsClientOptions options = new TlsClientOptions("missing.pem", "", "", "", "", false);
		assertThatExceptionOfType(TlsSetupException.class).isThrownBy(() -> TlsContexts.clientContext(options, this.dir))
			.withMessage("open missing.pem: no such file or directory");
	}

	@Test
	void fileWithoutCertificateIsRefusedNamingTheFile() throws IOException {
		Files.writeString(this.dir.resolve("empty.pem"), "not a certificate\n");
		TlsClientOptions options = new TlsClientOptions("empty.pem", "", "", "", "", false);
		assertThatExceptionOfType(TlsSetupException.class).isThrownBy(() -> TlsContexts.clientContext(options, this.dir))
			.withMessage("no PEM certificate found in empty.pem");
	}

	private String clientCertificate() {
		return clientIssued().writeCertificate(this.dir.resolve("client.pem")).toString();
	}

	private String pkcs8Key() {
		return this.client.writePkcs8Key(this.dir.resolve("client-key.pem")).toString();
	}

	private TestCertificates.Issued client;

	private TestCertificates.Issued clientIssued() {
		this.client = this.ca.issue("nomad-client");
		return this.client;
	}

	private String get(TlsClientOptions options) throws Exception {
		TlsRequestFactory factory = TlsRequestFactory.of(options, this.dir, Duration.ofSeconds(5), Duration.ofSeconds(5));
		URI uri = URI.create("https://127.0.0.1:" + this.server.getAddress().getPort() + "/");
		try (ClientHttpResponse response = factory.createRequest(uri, HttpMethod.GET).execute()) {
			return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
