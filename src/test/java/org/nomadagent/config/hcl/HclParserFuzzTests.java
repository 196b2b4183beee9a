package org.nomadagent.config.hcl;

import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds arbitrary text to the parser, on the HCL path and (behind a leading brace) on the JSON
 * path, then decodes and flattens what parses. The only acceptable outcomes are a value or one of
 * this package's positioned exceptions; anything else that escapes (a runtime exception, a
 * {@link StackOverflowError}) is a finding. With {@code JAZZER_FUZZ=1} Jazzer fuzzes; otherwise
 * the saved inputs beside this class run as a regression test. See {@code docs/fuzzing.md}.
 */
class HclParserFuzzTests {

	@FuzzTest(maxDuration = "10m")
	void parseAndDecode(@NotNull String text) {
		check(text);
		check("{" + text);
	}

	private static void check(String content) {
		try {
			HclObject root = HclParser.parse("fuzz.hcl", content);
			Map<String, Object> decoded = HclDecoder.decode(root);
			assertThat(decoded).isNotNull();
			assertThat(HclPropertyFlattener.flatten(HclDecoder.decodeTracked(root))).isNotNull();
		}
		catch (HclParseException ex) {
			assertPositioned(ex.position(), content);
		}
		catch (HclDecodeException ex) {
			assertPositioned(ex.position(), content);
		}
	}

	private static void assertPositioned(Position position, String content) {
		assertThat(position.source()).isEqualTo("fuzz.hcl");
		assertThat(position.line()).isBetween(1, content.length() + 1);
		assertThat(position.column()).isPositive();
	}

}
