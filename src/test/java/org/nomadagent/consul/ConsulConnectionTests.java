package org.nomadagent.consul;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsulConnection}.
 */
class ConsulConnectionTests {

	@Test
	void defaultsToTheLocalAgentOverHttpWithNomadsTimeout() {
		ConsulConnection connection = connect(ConsulFixtures.properties(), Map.of());
		assertThat(connection.baseUrl()).hasToString("http://127.0.0.1:8500");
		assertThat(connection.https()).isFalse();
		assertThat(connection.token().isEmpty()).isTrue();
		assertThat(connection.basicAuth()).isEmpty();
		assertThat(connection.timeout()).hasSeconds(5);
	}

	@Test
	void environmentFillsTheGapsOfTheConsulBlock() {
		ConsulConnection connection = connect(ConsulFixtures.properties(), Map.of("CONSUL_HTTP_ADDR", "10.0.0.1:8501",
				"CONSUL_HTTP_TOKEN", "env-token", "CONSUL_HTTP_AUTH", "env-user:env-pass", "CONSUL_HTTP_SSL", "true"));
		assertThat(connection.baseUrl()).hasToString("https://10.0.0.1:8501");
		assertThat(connection.token().value()).isEqualTo("env-token");
		assertThat(connection.basicAuth()).hasValueSatisfying(
				(userAndPassword) -> assertThat(userAndPassword).containsExactly("env-user", "env-pass"));
		assertThat(connection.tls().skipVerify()).isFalse();
	}

	@Test
	void consulBlockWinsOverTheEnvironment() {
		ConsulConnection connection = connect(
				ConsulFixtures.properties("address=consul.local:8500", "token=file-token", "auth=file-user:pw"),
				Map.of("CONSUL_HTTP_ADDR", "10.0.0.1:8501", "CONSUL_HTTP_TOKEN", "env-token", "CONSUL_HTTP_AUTH",
						"env-user:env-pass"));
		assertThat(connection.baseUrl()).hasToString("http://consul.local:8500");
		assertThat(connection.token().value()).isEqualTo("file-token");
		assertThat(connection.basicAuth()).hasValueSatisfying(
				(userAndPassword) -> assertThat(userAndPassword).containsExactly("file-user", "pw"));
	}

	@Test
	void authIsSplitAtTheFirstColon() {
		ConsulConnection connection = connect(ConsulFixtures.properties("auth=user:pa:ss"), Map.of());
		assertThat(connection.basicAuth()).hasValueSatisfying(
				(userAndPassword) -> assertThat(userAndPassword).containsExactly("user", "pa:ss"));
	}

	@Test
	void authWithoutAColonIsAUserWithAnEmptyPassword() {
		ConsulConnection connection = connect(ConsulFixtures.properties("auth=user"), Map.of());
		assertThat(connection.basicAuth()).hasValueSatisfying(
				(userAndPassword) -> assertThat(userAndPassword).containsExactly("user", ""));
	}

	@Test
	void sslWithVerifySslFalseSkipsVerificationButKeepsTheCertificateFiles() {
		ConsulConnection connection = connect(ConsulFixtures.properties("ssl=true", "verify-ssl=false",
				"ca-file=/etc/consul/ca.pem", "cert-file=/etc/consul/cert.pem", "key-file=/etc/consul/key.pem"),
				Map.of());
		assertThat(connection.baseUrl()).hasToString("https://127.0.0.1:8500");
		assertThat(connection.tls().skipVerify()).isTrue();
		assertThat(connection.tls().caFile()).isEqualTo("/etc/consul/ca.pem");
		assertThat(connection.tls().hasClientCertificate()).isTrue();
	}

	@Test
	void certificateWithoutKeyIsIgnoredAsNomadIgnoresIt() {
		ConsulConnection connection = connect(
				ConsulFixtures.properties("ssl=true", "cert-file=/etc/consul/cert.pem"), Map.of());
		assertThat(connection.tls().certFile()).isEmpty();
		assertThat(connection.tls().keyFile()).isEmpty();
		assertThat(connection.tls().hasClientCertificate()).isFalse();
	}

	@Test
	void sslInTheConsulBlockIgnoresTheEnvironmentsVerifySetting() {
		ConsulConnection connection = connect(ConsulFixtures.properties("ssl=true"),
				Map.of("CONSUL_HTTP_SSL_VERIFY", "false"));
		assertThat(connection.tls().skipVerify()).isFalse();
	}

	@Test
	void sslFromTheEnvironmentTakesItsVerifySettingFromTheEnvironment() {
		ConsulConnection connection = connect(ConsulFixtures.properties(),
				Map.of("CONSUL_HTTP_SSL", "1", "CONSUL_HTTP_SSL_VERIFY", "f"));
		assertThat(connection.https()).isTrue();
		assertThat(connection.tls().skipVerify()).isTrue();
	}

	@Test
	void unparsableSslVariableCountsAsFalse() {
		ConsulConnection connection = connect(ConsulFixtures.properties(), Map.of("CONSUL_HTTP_SSL", "yes"));
		assertThat(connection.https()).isFalse();
	}

	@Test
	void schemeInTheAddressWins() {
		assertThat(connect(ConsulFixtures.properties("address=https://consul.local:8501"), Map.of()).baseUrl())
			.hasToString("https://consul.local:8501");
		assertThat(connect(ConsulFixtures.properties("address=http://consul.local", "ssl=true"), Map.of()).baseUrl())
			.hasToString("http://consul.local");
	}

	@Test
	void toStringShowsNeitherTokenNorAuth() {
		ConsulConnection connection = connect(ConsulFixtures.properties("token=s3cr3t-token", "auth=user:s3cr3t-pw"),
				Map.of());
		assertThat(connection.toString()).doesNotContain("s3cr3t").contains("<redacted>");
		ConsulEnvironment environment = new ConsulEnvironment(Map.of("CONSUL_HTTP_TOKEN", "s3cr3t-token"), Path.of("/"));
		assertThat(environment.toString()).doesNotContain("s3cr3t");
	}

	private static ConsulConnection connect(ConsulProperties properties, Map<String, String> variables) {
		return ConsulConnection.of(properties, new ConsulEnvironment(variables, Path.of("/")));
	}

}
