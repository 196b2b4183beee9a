package org.nomadagent.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.AgentConfigReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NomadAgentCli}: commands, Go flag rules, messages and exit codes (reference
 * §5.1, §5.6).
 */
class NomadAgentCliTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final AtomicReference<AgentConfig> launched = new AtomicReference<>();

	@Test
	void agentWithoutRoleExitsOneWithNomadsMessage() {
		assertThat(run("agent")).isEqualTo(1);
		assertThat(err()).isEqualTo("==> Must specify either server, client or dev mode for the agent.\n");
	}

	@Test
	void agentWithValidConfigurationIsLaunched() {
		assertThat(run("agent", "-dev")).isZero();
		assertThat(this.launched.get().devMode()).isTrue();
	}

	@Test
	void goFlagSyntaxIsAccepted() {
		assertThat(run("agent", "--server", "-data-dir", "/var/lib/nomad", "-bootstrap-expect=0x1", "-client=false",
				"-join", "-weird-but-a-value", "-meta", "a=b=c", "--meta=d=")).isZero();
		AgentConfig config = this.launched.get();
		assertThat(config.serverEnabled()).isTrue();
		assertThat(config.clientEnabled()).isFalse();
		assertThat(config.layer().integer("server.bootstrap_expect")).isEqualTo(1);
		assertThat(config.layer().strings("server.start_join")).containsExactly("-weird-but-a-value");
		assertThat(config.layer().stringMap("client.meta")).containsExactly(Map.entry("a", "b=c"), Map.entry("d", ""));
	}

	@Test
	void unknownFlagPrintsGosMessageAndTheHelp() {
		assertThat(run("agent", "-bogus=1")).isEqualTo(1);
		assertThat(err()).startsWith("==> flag provided but not defined: -bogus\nUsage: nomad-agent agent [options]");
	}

	@Test
	void malformedValuesAreRefusedWithGosWords() {
		assertThat(run("agent", "-bootstrap-expect=x")).isEqualTo(1);
		assertThat(err()).startsWith("==> invalid value \"x\" for flag -bootstrap-expect: parse error\n");
		this.err.reset();
		assertThat(run("agent", "-server=maybe")).isEqualTo(1);
		assertThat(err()).startsWith("==> invalid boolean value \"maybe\" for -server: parse error\n");
		this.err.reset();
		assertThat(run("agent", "-meta", "novalue")).isEqualTo(1);
		assertThat(err()).startsWith("==> Error parsing Client.Meta value: novalue\n");
	}

	@Test
	void flagMissingItsValueIsRefused() {
		assertThat(run("agent", "-data-dir")).isEqualTo(1);
		assertThat(err()).startsWith("==> flag needs an argument: -data-dir\n");
	}

	@Test
	void positionalArgumentIsRefusedInsteadOfIgnoringTheRest() {
		// Nomad v0.5 stopped parsing at "foo" and ignored -dev silently.
		assertThat(run("agent", "foo", "-dev")).isEqualTo(1);
		assertThat(err()).contains("Unexpected argument \"foo\"");
		assertThat(this.launched.get()).isNull();
	}

	@Test
	void booleanFlagDoesNotTakeTheNextArgument() {
		assertThat(run("agent", "-dev", "false")).isEqualTo(1);
		assertThat(err()).contains("Unexpected argument \"false\"");
	}

	@Test
	void helpExitsOneAsNomadDoes() {
		assertThat(run("agent", "-h")).isEqualTo(1);
		assertThat(err()).contains("-bootstrap-expect=<num>").contains("Vault Options:");
	}

	@Test
	void fileWithThreeMistakesPrintsThreePositionedLines() throws IOException {
		Files.writeString(this.dir.resolve("bad.hcl"),
				"server {\n  enabled = true\n  bootstrap_expcet = 3\n}\nports {\n  http = \"x\"\n}\nlog_levle = \"INFO\"\n");
		assertThat(run("config", "validate", "-config=bad.hcl")).isEqualTo(1);
		List<String> positioned = err().lines().filter((line) -> line.matches("bad\\.hcl:\\d+:\\d+: .*")).toList();
		assertThat(positioned).containsExactly(
				"bad.hcl:3:3: server -> invalid key: bootstrap_expcet (did you mean \"bootstrap_expect\"?)",
				"bad.hcl:6:10: ports -> cannot parse 'http' as int: strconv.ParseInt: parsing \"x\": invalid syntax",
				"bad.hcl:8:1: config: invalid key: log_levle (did you mean \"log_level\"?)");
		assertThat(err()).startsWith("==> Error loading configuration from bad.hcl: Error loading bad.hcl: 3 error(s) occurred:\n");
	}

	@Test
	void validatePrintsWhatItLoaded() throws IOException {
		Files.writeString(this.dir.resolve("ok.hcl"), "data_dir = \"/var/lib/nomad\"\nserver { enabled = true }\n");
		assertThat(run("config", "validate", "-config", "ok.hcl")).isZero();
		assertThat(out()).isEqualTo("Configuration is valid: ok.hcl\n");
	}

	@Test
	void showPrintsTheViewWithSecretsRedacted() {
		assertThat(run("config", "show", "-dev", "-vault-token=s.secret")).isZero();
		// Nomad's JSON encoder escapes < and > as \u003c and \u003e; so does ours.
		assertThat(out()).contains("\"Token\": \"\\u003credacted\\u003e\"").doesNotContain("s.secret");
	}

	@Test
	void warningsGoToStandardError() throws IOException {
		Files.createDirectories(this.dir.resolve("empty.d"));
		assertThat(run("config", "validate", "-dev", "-config=empty.d")).isZero();
		assertThat(err()).isEqualTo("No configuration loaded from empty.d\n");
	}

	@Test
	void validateReportsCirconusOptionsTheStartWouldRefuse() throws IOException {
		Files.writeString(this.dir.resolve("circonus.hcl"), "telemetry {\n  circonus_api_token = \"t\"\n"
				+ "  circonus_check_id = \"abc\"\n}\n");
		assertThat(run("config", "validate", "-dev", "-config=circonus.hcl")).isEqualTo(1);
		assertThat(err()).isEqualTo("==> Error initializing telemetry: strconv.Atoi: parsing \"abc\": invalid syntax\n");
	}

	@Test
	void keygenPrintsSixteenRandomBytes() {
		assertThat(run("keygen")).isZero();
		assertThat(java.util.Base64.getDecoder().decode(out().strip())).hasSize(16);
	}

	@Test
	void unknownCommandExitsOne() {
		assertThat(run("nope")).isEqualTo(1);
		assertThat(err()).startsWith("==> Unknown command: nope\n");
	}

	private int run(String... args) {
		Console console = new Console(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
		NomadAgentCli cli = new NomadAgentCli(console, new AgentConfigReader(this.dir, Map.of(), "Linux"),
				(outcome, reload, c) -> {
					this.launched.set(outcome.config());
					return 0;
				});
		return cli.run(args);
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
