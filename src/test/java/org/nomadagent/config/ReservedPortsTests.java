package org.nomadagent.config;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReservedPorts}, after Nomad's {@code TestResources_ParseReserved} and the
 * observed errors of reference §14.9.
 */
class ReservedPortsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1,2,3|1,2,3", "3,1,2,1,2,3,1-3|1,2,3", "1-3,2-4|1,2,3,4",
			"1-3,4,5-5,6,7,8-10|1,2,3,4,5,6,7,8,9,10", "' 22 , 80 '|22,80", "0,65536|0,65536" })
	void parseSortsAndRemovesDuplicates(String text, String expected) throws Exception {
		List<Long> ports = ReservedPorts.parse(text);
		assertThat(ports).map(String::valueOf).containsExactly(expected.split(","));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1,,2|can't specify empty port", "80,|can't specify empty port",
			"' '|can't specify empty port", "a|strconv.Atoi: parsing \"a\": invalid syntax",
			"80-|strconv.Atoi: parsing \"\": invalid syntax", "-80|strconv.Atoi: parsing \"\": invalid syntax",
			"3-1|invalid range: starting value (1) less than ending (3) value",
			"1-2-3|can only parse single port numbers or port ranges (ex. 80,100-120,150)",
			"1-4000000000|invalid range: 1-4000000000 spans more than 65536 ports" })
	void parseRefusesWithNomadsWords(String text, String message) {
		assertThatExceptionOfType(ReservedPorts.InvalidReservedPortsException.class)
			.isThrownBy(() -> ReservedPorts.parse(text))
			.withMessage(message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''" })
	void parseOfEmptyTextIsNoPorts(String text) throws Exception {
		assertThat(ReservedPorts.parse(text)).isEmpty();
	}

}
