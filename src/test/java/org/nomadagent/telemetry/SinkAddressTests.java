package org.nomadagent.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.config.AgentConfigReader;
import org.nomadagent.config.ConfigLayer;
import org.nomadagent.config.ConfigProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SinkAddress}.
 */
class SinkAddressTests {

	@TempDir
	Path dir;

	@Test
	void parseSplitsHostAndPort() {
		assertThat(SinkAddress.parse("statsd_address", "statsd.local:8125"))
			.isEqualTo(new SinkAddress("statsd_address", "statsd.local:8125", "statsd.local", 8125));
		assertThat(SinkAddress.parse("statsd_address", "[::1]:8125").host()).isEqualTo("::1");
		assertThat(SinkAddress.parse("statsd_address", ":8125").host()).isEmpty();
	}

	@Test
	void parseWhenPortIsMissingSaysSoAsGoDoes() {
		assertThatIllegalArgumentException().isThrownBy(() -> SinkAddress.parse("statsd_address", "statsd.local"))
			.withMessage("statsd_address \"statsd.local\": address statsd.local: missing port in address");
	}

	@Test
	void parseWhenPortIsNotANumberSaysItIsInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> SinkAddress.parse("datadog_address", "dd:statsd"))
			.withMessage("datadog_address \"dd:statsd\": address dd:statsd: invalid port");
		assertThatIllegalArgumentException().isThrownBy(() -> SinkAddress.parse("datadog_address", "dd:70000"))
			.withMessage("datadog_address \"dd:70000\": address dd:70000: invalid port");
	}

	@Test
	void startUpMessageIsTheOneConfigValidateReports() throws Exception {
		Files.writeString(this.dir.resolve("agent.hcl"), "telemetry {\n  statsite_address = \"statsite\"\n}\n");
		AgentConfigReader.Outcome outcome = new AgentConfigReader(this.dir, Map.of(), "Linux").read(true,
				List.of(this.dir.toString()), ConfigLayer.EMPTY);
		String atStart;
		try {
			SinkAddress.parse("statsite_address", "statsite");
			throw new AssertionError("expected a failure");
		}
		catch (IllegalArgumentException ex) {
			atStart = "Error initializing telemetry: " + ex.getMessage();
		}
		assertThat(outcome.problems()).extracting(ConfigProblem::message).containsExactly(atStart);
	}

}
