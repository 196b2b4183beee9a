package org.nomadagent.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.config.AgentConfigReader;
import org.nomadagent.config.AgentConfigReader.Outcome;
import org.nomadagent.config.ConfigLayer;
import org.nomadagent.config.ConfigProblem;
import org.nomadagent.config.NomadConfigPropertySource;
import org.nomadagent.config.Secret;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link VaultServerSettings} and the start-up checks of {@link VaultClient#create}:
 * Nomad's messages, and the same words {@code config validate} uses.
 */
class VaultServerSettingsTests {

	private static final String PREFIX = "Error starting agent: server setup failed: Failed to setup Vault client: ";

	@TempDir
	Path dir;

	@Test
	void emptyTaskTokenTtlMeansSeventyTwoHours() {
		VaultServerSettings settings = VaultServerSettings.of(properties("s.token", ""));
		assertThat(settings.taskTokenTtl()).isEqualTo("72h");
		assertThat(settings.taskTokenSeconds()).isEqualTo(259200);
	}

	@Test
	void taskTokenTtlIsSentAsWritten() {
		VaultServerSettings settings = VaultServerSettings.of(properties("s.token", "1h30m"));
		assertThat(settings.taskTokenTtl()).isEqualTo("1h30m");
		assertThat(settings.taskTokenDuration()).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void missingTokenFailsWithNomadsMessage() {
		assertThatExceptionOfType(AgentStartupException.class)
			.isThrownBy(() -> VaultServerSettings.of(properties("", "")))
			.withMessage(PREFIX + "Vault token must be set");
	}

	@Test
	void taskTokenTtlThatDoesNotParseFailsWithNomadsMessage() {
		assertThatExceptionOfType(AgentStartupException.class)
			.isThrownBy(() -> VaultServerSettings.of(properties("s.token", "x")))
			.withMessage(PREFIX + "failed to parse TaskTokenTTL \"x\": time: invalid duration \"x\"");
	}

	@Test
	void taskTokenTtlUnderFiveMinutesFailsWithNomadsMessage() {
		assertThatExceptionOfType(AgentStartupException.class)
			.isThrownBy(() -> VaultServerSettings.of(properties("s.token", "4m59s")))
			.withMessage(PREFIX + "ChildTokenTTL is less than minimum allowed of 5m0s");
	}

	@ParameterizedTest
	@ValueSource(strings = { "vault.service.consul:8200", "ftp://vault:8200", "http://" })
	void addressThatCannotNameAVaultServerFails(String address) {
		VaultProperties properties = new VaultProperties(address, null, true, "", "", "", "", "", "", null,
				new Secret("s.token"), Duration.ofSeconds(30));
		assertThatExceptionOfType(AgentStartupException.class).isThrownBy(() -> VaultServerSettings.of(properties))
			.withMessageStartingWith(PREFIX + "invalid Vault address \"" + address + "\": ");
	}

	@Test
	void settingsNeverPrintTheToken() {
		assertThat(VaultServerSettings.of(properties("s.very-secret", ""))).asString().doesNotContain("very-secret");
	}

	@Test
	void clientCertificateWithoutKeyFailsWithNomadsMessage() throws IOException {
		Path cert = Files.writeString(this.dir.resolve("cert.pem"), "x");
		assertThatExceptionOfType(AgentStartupException.class)
			.isThrownBy(() -> create(tls("", "", cert.toString(), "")))
			.withMessage(
					PREFIX + "Failed to create Vault API config: Both client cert and client key must be provided");
	}

	@Test
	void everyStartUpFailureIsWordedAsConfigValidateWordsIt() throws IOException {
		String missing = this.dir.resolve("missing.pem").toString();
		String cert = Files.writeString(this.dir.resolve("cert.pem"), certificate()).toString();
		List<String> blocks = List.of("enabled = true", "enabled = true\ntoken = \"t\"\ntask_token_ttl = \"x\"",
				"enabled = true\ntoken = \"t\"\ntask_token_ttl = \"1m\"",
				"enabled = true\ntoken = \"t\"\ntls_cert_file = \"" + cert + "\"",
				"enabled = true\ntoken = \"t\"\ntls_ca_file = \"" + missing + "\"",
				"enabled = true\ntoken = \"t\"\ntls_ca_path = \"" + missing + "\"",
				"enabled = true\ntoken = \"t\"\ntls_cert_file = \"" + cert + "\"\ntls_key_file = \"" + missing + "\"");
		for (String block : blocks) {
			Outcome outcome = read("vault {\n" + block + "\n}\n");
			List<String> problems = outcome.problems().stream().map(ConfigProblem::message).toList();
			assertThat(problems).as(block).hasSize(1);
			VaultProperties properties = bind(outcome);
			assertThatExceptionOfType(AgentStartupException.class).as(block).isThrownBy(() -> {
				VaultServerSettings settings = VaultServerSettings.of(properties);
				VaultClient.create(settings, this.dir);
			}).withMessage(problems.get(0));
		}
	}

	private static String certificate() throws IOException {
		try (InputStream in = VaultServerSettingsTests.class
			.getResourceAsStream("/agent-config/040-cli-flags-vault-atlas/tls/nomad-vault.pem")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private Outcome read(String hcl) throws IOException {
		Path file = Files.writeString(this.dir.resolve("agent.hcl"), hcl);
		return new AgentConfigReader(this.dir, Map.of(), "Linux").read(true, List.of(file.toString()),
				ConfigLayer.EMPTY);
	}

	private static VaultProperties bind(Outcome outcome) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(NomadConfigPropertySource.of(outcome.config()));
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("nomad.vault",
				VaultProperties.class);
	}

	private VaultClient create(VaultProperties properties) {
		return VaultClient.create(VaultServerSettings.of(properties), this.dir);
	}

	private static VaultProperties properties(String token, String ttl) {
		return VaultComponents.properties("http://127.0.0.1:8200", token, ttl, "", "", "", "", false);
	}

	private static VaultProperties tls(String caFile, String caPath, String certFile, String keyFile) {
		return VaultComponents.properties("https://127.0.0.1:8200", "s.token", "", caFile, caPath, certFile, keyFile,
				false);
	}

}
