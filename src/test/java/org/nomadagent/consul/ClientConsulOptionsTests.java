package org.nomadagent.consul;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientConsulOptions}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientConsulOptionsTests {

	@Test
	void optionsStartingWithConsulAreNamedSorted() {
		ClientConsulOptions options = new ClientConsulOptions(Map.of("consul.token", "x", "driver.raw_exec.enable",
				"1", "consul.address", "127.0.0.1:8500", "consulx", "y"));
		assertThat(options.ignoredKeys()).containsExactly("options.consul.address", "options.consul.token",
				"options.consulx");
	}

	@Test
	void ignoredOptionsAreReportedAsNomadReportsThem(CapturedOutput output) {
		new ClientConsulOptions(Map.of("consul.address", "127.0.0.1:8500")).afterSingletonsInstantiated();
		assertThat(output.getOut()).contains("agent: Invalid keys: options.consul.address")
			.contains("agent: Nomad client ignores consul related configuration in client options.");
	}

	@Test
	void clientWithoutConsulOptionsSaysNothing(CapturedOutput output) {
		new ClientConsulOptions(Map.of("driver.raw_exec.enable", "1")).afterSingletonsInstantiated();
		assertThat(output.getOut()).doesNotContain("Invalid keys");
	}

}
