package org.nomadagent.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nomadagent.config.AgentConfigReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the hand-written golden cases recorded from the real Nomad v0.5.0-rc1 agent (in
 * {@code src/test/resources/agent-config}, format described in its README) through
 * {@code config show} and {@code config validate}, in process.
 */
class AgentConfigGoldenTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Path> cases() throws IOException, URISyntaxException {
		Path root = Path.of(AgentConfigGoldenTests.class.getResource("/agent-config").toURI());
		try (Stream<Path> entries = Files.list(root)) {
			return entries.filter((dir) -> Files.isRegularFile(dir.resolve("case.json"))).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void configMatchesWhatNomadReports(Path caseDir) throws IOException {
		JsonNode spec = JSON.readTree(caseDir.resolve("case.json").toFile());
		List<String> args = new ArrayList<>();
		spec.get("args").forEach((arg) -> args.add(arg.asString()));
		Map<String, String> env = new java.util.HashMap<>();
		if (spec.has("env")) {
			spec.get("env").properties().forEach((entry) -> env.put(entry.getKey(), entry.getValue().asString()));
		}
		Path expected = caseDir.resolve("expected.json");
		Path expectedError = caseDir.resolve("expected-error.json");
		if (Files.exists(expected)) {
			Result result = run(caseDir, env, "show", args);
			assertThat(result.exitCode()).as(result.err()).isZero();
			ObjectNode actual = (ObjectNode) JSON.readTree(result.out());
			actual.remove(List.of("Version", "VersionPrerelease", "Revision"));
			assertThat(actual).isEqualTo(JSON.readTree(expected.toFile()));
		}
		else {
			JsonNode error = JSON.readTree(expectedError.toFile());
			Result result = run(caseDir, env, "validate", args);
			assertThat(result.exitCode()).isEqualTo(1);
			error.get("stderr_contains").forEach((text) -> assertThat(result.err()).contains(text.asString()));
		}
	}

	private Result run(Path caseDir, Map<String, String> env, String verb, List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		NomadAgentCli cli = new NomadAgentCli(console, new AgentConfigReader(caseDir, env, "Linux"),
				(outcome, reload, c) -> {
					throw new IllegalStateException("The agent must not start");
				});
		List<String> argv = new ArrayList<>(List.of("config", verb));
		argv.addAll(args);
		int code = cli.run(argv.toArray(String[]::new));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String out, String err) {
	}

}
