package org.nomadagent.config.hcl;

import java.util.Map;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Shortcuts for the tests: parse or decode a snippet named {@code test.hcl}.
 */
final class HclTestInputs {

	static final String SOURCE = "test.hcl";

	private HclTestInputs() {
	}

	static HclObject parse(String content) throws HclParseException {
		return HclParser.parse(SOURCE, content);
	}

	static Map<String, Object> decode(String content) throws HclParseException, HclDecodeException {
		return HclDecoder.decode(parse(content));
	}

	static HclParseException parseError(String content) {
		return catchThrowableOfType(HclParseException.class, () -> parse(content));
	}

	static HclDecodeException decodeError(String content) {
		return catchThrowableOfType(HclDecodeException.class, () -> decode(content));
	}

	/**
	 * Returns {@code line:column: reason} of a parse error, or "no error".
	 */
	static String errorAt(String content) {
		HclParseException error = parseError(content);
		if (error == null) {
			return "no error";
		}
		return error.position().line() + ":" + error.position().column() + ": " + error.reason();
	}

}
