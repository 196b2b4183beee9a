package org.nomadagent.vault;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.tls.TestCertificates;
import org.nomadagent.vault.VaultConnection.State;
import org.nomadagent.vault.VaultStandIn.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the TLS options of the server's Vault client against an HTTPS {@link VaultStandIn}
 * that requires a client certificate and whose certificate names only
 * {@code vault.service.consul}, reached at {@code 127.0.0.1}: CA file, CA directory, PEM client
 * certificate, SNI with {@code tls_server_name}, and {@code tls_skip_verify}.
 */
class VaultTlsIntegrationTests {

	// Keys take long to make on a busy machine: one set serves every test.
	@TempDir
	static Path dir;

	private static TestCertificates ca;

	private static TestCertificates otherCa;

	private static TestCertificates.Issued server;

	private static String caFile;

	private static String certFile;

	private static String keyFile;

	private VaultStandIn vault;

	private String token;

	private VaultComponents components;

	@BeforeAll
	static void makeCertificates() {
		ca = TestCertificates.authority("Vault CA");
		otherCa = TestCertificates.authority("Other CA");
		// An EC server key (quick to make) and an RSA client key in PKCS#1, the form Spring Vault
		// alone cannot use.
		server = ca.issueEc("vault", "vault.service.consul");
		caFile = ca.writeCertificate(dir.resolve("ca.pem")).toString();
		TestCertificates.Issued client = ca.issue("nomad-server");
		certFile = client.writeCertificate(dir.resolve("nomad.pem")).toString();
		keyFile = client.writeTraditionalKey(dir.resolve("nomad-key.pem")).toString();
	}

	@BeforeEach
	void start() {
		this.vault = VaultStandIn.startHttps(server.serverContext(), true);
		this.token = this.vault.addRootToken();
	}

	@AfterEach
	void stop() {
		if (this.components != null) {
			this.components.close();
		}
		this.vault.close();
	}

	@Test
	void caFileClientCertificateAndServerNameConnect() {
		connect(caFile, "", certFile, keyFile, "vault.service.consul", false, State.CONNECTED);
		Recorded lookup = this.vault.requests("GET", "/v1/auth/token/lookup-self").get(0);
		assertThat(lookup.serverNames()).containsExactly("vault.service.consul");
		assertThat(lookup.clientCertificate()).isEqualTo("CN=nomad-server");
		assertThat(lookup.header("X-Vault-Token")).isEqualTo(this.token);
	}

	@Test
	void caDirectoryIsTrusted() {
		Path caDirectory = dir.resolve("cas");
		otherCa.writeCertificate(caDirectory.resolve("other.pem"));
		ca.writeCertificate(caDirectory.resolve("vault-ca.pem"));
		connect("", caDirectory.toString(), certFile, keyFile, "vault.service.consul", false,
				State.CONNECTED);
	}

	@Test
	void withoutServerNameTheCertificateDoesNotMatchTheAddress() {
		connect(caFile, "", certFile, keyFile, "", false, State.RETRYING);
		assertThat(this.components.connection.snapshot().reason())
			.startsWith("Get " + this.vault.address() + "/v1/sys/init: ")
			.contains("127.0.0.1");
	}

	@Test
	void certificateOfAnotherCaIsRefused() {
		String otherCaFile = otherCa.writeCertificate(dir.resolve("other.pem")).toString();
		connect(otherCaFile, "", certFile, keyFile, "vault.service.consul", false, State.RETRYING);
	}

	@Test
	void serverRequiringAClientCertificateRefusesAClientWithoutOne() {
		connect(caFile, "", "", "", "vault.service.consul", false, State.RETRYING);
		assertThat(this.vault.requests()).isEmpty();
	}

	@Test
	void skipVerifyAcceptsAnyServerCertificate() {
		connect("", "", certFile, keyFile, "", true, State.CONNECTED);
	}

	private void connect(String caFile, String caPath, String certFile, String keyFile, String serverName,
			boolean skipVerify, State state) {
		this.components = VaultComponents.of(VaultComponents.properties(this.vault.address(), this.token, "", caFile,
				caPath, certFile, keyFile, serverName, skipVerify));
		this.components.connectUntil(state);
	}

}
