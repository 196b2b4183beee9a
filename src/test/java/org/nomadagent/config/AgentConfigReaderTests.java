package org.nomadagent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentConfigReader}: Nomad's {@code readConfig} precedence and checks.
 */
class AgentConfigReaderTests {

	@TempDir
	Path dir;

	@Test
	void vaultTokenComesFromTheEnvironmentWhenNoFileOrFlagSetsOne() throws IOException {
		AgentConfigReader.Outcome outcome = read(Map.of("VAULT_TOKEN", "s.env"), false,
				"server { enabled = true }\ndata_dir = \"/tmp/x\"\n", ConfigLayer.EMPTY);
		assertThat(outcome.config().layer().text("vault.token")).isEqualTo("s.env");
		assertThat(outcome.config().layer().origin("vault.token"))
			.contains(ConfigOrigin.environment("VAULT_TOKEN"));
	}

	@Test
	void vaultTokenOfAFlagWinsOverTheEnvironment() throws IOException {
		ConfigLayer flags = ConfigLayer.builder().set("vault.token", "s.flag", ConfigOrigin.flag("-vault-token")).build();
		AgentConfigReader.Outcome outcome = read(Map.of("VAULT_TOKEN", "s.env"), false,
				"server { enabled = true }\ndata_dir = \"/tmp/x\"\nvault { token = \"s.file\" }\n", flags);
		assertThat(outcome.config().layer().text("vault.token")).isEqualTo("s.flag");
	}

	@Test
	void devModeReadsVaultTokenToo() throws IOException {
		// D6: Nomad v0.5 skipped VAULT_TOKEN in dev mode.
		AgentConfigReader.Outcome outcome = read(Map.of("VAULT_TOKEN", "s.env"), true, "", ConfigLayer.EMPTY);
		assertThat(outcome.config().layer().text("vault.token")).isEqualTo("s.env");
	}

	@Test
	void flagsMergeOverFilesWithTheSameRules() throws IOException {
		ConfigLayer flags = ConfigLayer.builder()
			.set("server.enabled", false, ConfigOrigin.flag("-server"))
			.set("region", "flag", ConfigOrigin.flag("-region"))
			.build();
		AgentConfigReader.Outcome outcome = read(Map.of(), false,
				"server { enabled = true }\nregion = \"file\"\ndata_dir = \"/tmp/x\"\n", flags);
		assertThat(outcome.config().serverEnabled()).isTrue();
		assertThat(outcome.config().layer().text("region")).isEqualTo("flag");
	}

	@Test
	void loadFailuresStopBeforeValidation() throws IOException {
		AgentConfigReader.Outcome outcome = read(Map.of(), false, "bogus = 1\n", ConfigLayer.EMPTY);
		assertThat(outcome.succeeded()).isFalse();
		assertThat(outcome.config()).isNull();
		assertThat(outcome.loadFailures()).hasSize(1);
		assertThat(outcome.problems()).isEmpty();
	}

	private AgentConfigReader.Outcome read(Map<String, String> env, boolean dev, String hcl, ConfigLayer flags)
			throws IOException {
		Files.writeString(this.dir.resolve("agent.hcl"), hcl);
		return new AgentConfigReader(this.dir, env, "Linux").read(dev, List.of("agent.hcl"), flags);
	}

}
