package org.nomadagent.config;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.nomadagent.config.hcl.HclObject;
import org.nomadagent.config.hcl.HclParseException;
import org.nomadagent.config.hcl.HclParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds arbitrary text through the whole configuration path: parse, decode into a layer, merge
 * over the defaults, build the API view, and run every validation. The only acceptable outcome is
 * a configuration or positioned problems; any exception that escapes is a finding. Name
 * resolution is a fake that knows no name, so the run never touches the network. With
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes; otherwise the saved inputs beside this class run as a
 * regression test (see {@code docs/fuzzing.md}).
 */
class AgentConfigFuzzTests {

	@FuzzTest(maxDuration = "10m")
	void decodeAndValidate(@NotNull String text) {
		HclObject root;
		try {
			root = HclParser.parse("fuzz.hcl", text);
		}
		catch (HclParseException ex) {
			return;
		}
		AgentConfigDecoder.Result result = AgentConfigDecoder.decode(root);
		for (ConfigProblem problem : result.problems()) {
			assertThat(problem.origin().position().source()).isEqualTo("fuzz.hcl");
			assertThat(problem.origin().position().line()).isPositive();
			assertThat(problem.message()).isNotBlank();
		}
		ConfigLayer merged = AgentConfigMerger.merge(AgentDefaults.defaults(), result.layer());
		AgentConfig config = new AgentConfig(merged, false);
		assertThat(AgentConfigView.of(config, new AgentVersion("0", "", ""))).isNotNull();
		assertThat(JsonText.compact(AgentConfigView.of(config, new AgentVersion("0", "", "")))).isNotEmpty();
		Validation validation = new Validation(merged);
		AgentConfigValidator.checkReadConfig(config, validation);
		AgentConfigValidator.checkLogging(config, validation);
		AgentAddresses addresses = new AgentAddresses(merged, (host) -> {
			throw new UnknownHostException(host);
		}, Optional::empty);
		AgentStartupChecks.check(config, addresses, Path.of("/nonexistent-fuzz-dir"), validation);
		assertThat(validation.problems()).allSatisfy((problem) -> assertThat(problem.message()).isNotBlank());
		assertThat(NomadConfigPropertySource.of(config).getPropertyNames()).isNotEmpty();
	}

}
