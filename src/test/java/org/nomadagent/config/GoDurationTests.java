package org.nomadagent.config;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link GoDuration}: Go's {@code time.ParseDuration} and {@code Duration.String}.
 */
class GoDurationTests {

	@ParameterizedTest
	@CsvSource({ "0, 0", "30s, 30000000000", "1h30m, 5400000000000", "1.5h, 5400000000000", "-5s, -5000000000",
			"+2ms, 2000000", "100ns, 100", "3us, 3000", "3µs, 3000", ".5s, 500000000", "1.s, 1000000000",
			"2h45m30.5s, 9930500000000" })
	void parseReadsGoDurations(String text, long nanos) throws Exception {
		assertThat(GoDuration.parse(text).duration()).isEqualTo(Duration.ofNanos(nanos));
		assertThat(GoDuration.parse(text).text()).isEqualTo(text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "abc|time: invalid duration \"abc\"",
			"5|time: missing unit in duration \"5\"", "42g|time: unknown unit \"g\" in duration \"42g\"",
			"''|time: invalid duration \"\"", ".|time: invalid duration \".\"", "1h-2m|time: unknown unit \"h-\" in duration \"1h-2m\"",
			"9999999999h|time: invalid duration \"9999999999h\"" })
	void parseRefusesWithGosWords(String text, String message) {
		assertThatExceptionOfType(GoDuration.InvalidDurationException.class).isThrownBy(() -> GoDuration.parse(text))
			.withMessage(message);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0s", "1, 1ns", "1500, 1.5µs", "2000000, 2ms", "30000000000, 30s", "90000000000, 1m30s",
			"5400000000000, 1h30m0s", "1500000000, 1.5s", "-30000000000, -30s" })
	void formatWritesAsGoDoes(long nanos, String text) {
		assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
	}

}
