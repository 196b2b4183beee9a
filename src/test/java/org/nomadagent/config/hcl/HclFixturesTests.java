package org.nomadagent.config.hcl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Runs every file of {@code src/test/resources/hcl} (the hand-written edge cases with the
 * output of HCL v1.0.0 beside them) through the parser and the decoder.
 */
class HclFixturesTests {

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

	private static final Pattern ORACLE_POSITION = Pattern.compile("^(?:At )?(\\d+):(\\d+): (.*)$");

	/**
	 * Where this project reports an error on purpose while HCL v1.0.0 silently loses input.
	 */
	private static final Map<String, String> DELIBERATE_ERRORS = Map.of(
			"22-json-lenient.json", "5:1: unexpected text after the root object",
			"25-case-sensitivity-and-assign-at-eof.hcl",
			"4:1: key 'dangling' has no value: '=' is followed by the end of the file");

	static Stream<String> validInputs() throws IOException {
		return inputs(directory());
	}

	static Stream<String> invalidInputs() throws IOException {
		return inputs(directory().resolve("invalid")).map((name) -> "invalid/" + name);
	}

	@ParameterizedTest
	@MethodSource("validInputs")
	void validInputDecodesToTheOracleValue(String name) throws Exception {
		String source = read(name);
		String deliberate = DELIBERATE_ERRORS.get(name);
		if (deliberate != null) {
			HclParseException error = catchThrowableOfType(HclParseException.class,
					() -> HclParser.parse(name, source));
			assertThat(error).as("%s is an error on purpose", name).isNotNull();
			assertThat(error.getMessage()).isEqualTo(name + ":" + deliberate);
			return;
		}
		Object expected = JSON.readValue(read(oracleOf(name, ".oracle.json")), Object.class);
		Map<String, Object> actual = HclDecoder.decode(HclParser.parse(name, source));
		assertThat(actual).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("invalidInputs")
	void invalidInputFailsAtTheOraclePosition(String name) throws Exception {
		String source = read(name);
		String oracle = read(oracleOf(name, ".oracle.err")).strip();
		Matcher matcher = ORACLE_POSITION.matcher(oracle);
		Exception error = catchThrowableOfType(Exception.class,
				() -> HclDecoder.decode(HclParser.parse(name, source)));
		assertThat(error).as("%s must fail", name).isNotNull();
		if (matcher.matches()) {
			assertThat(error).isInstanceOf(HclParseException.class);
			HclParseException parseError = (HclParseException) error;
			assertThat(parseError.position()).isEqualTo(
					new Position(name, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
			assertThat(parseError.reason()).isEqualTo(matcher.group(3));
		}
		else {
			// The reference reports decode errors without a position; ours carry the literal's.
			assertThat(error).isInstanceOf(HclDecodeException.class);
			HclDecodeException decodeError = (HclDecodeException) error;
			assertThat(decodeError.reason()).isEqualTo(oracle);
			assertThat(decodeError.position()).isEqualTo(new Position(name, 1, 13));
		}
	}

	private static String oracleOf(String name, String suffix) {
		return name.substring(0, name.lastIndexOf('.')) + suffix;
	}

	private static Stream<String> inputs(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((file) -> (file.endsWith(".hcl") || file.endsWith(".json")) && !file.endsWith(".oracle.json"))
				.sorted()
				.toList()
				.stream();
		}
	}

	private static Path directory() {
		try {
			return Path.of(HclFixturesTests.class.getResource("/hcl/README.md").toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(String name) throws IOException {
		return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
	}

}
