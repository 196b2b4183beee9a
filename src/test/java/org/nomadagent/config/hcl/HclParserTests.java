package org.nomadagent.config.hcl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomadagent.config.hcl.HclTestInputs.SOURCE;
import static org.nomadagent.config.hcl.HclTestInputs.decode;
import static org.nomadagent.config.hcl.HclTestInputs.errorAt;
import static org.nomadagent.config.hcl.HclTestInputs.parse;

/**
 * Syntax and positions, checked against what HCL v1.0.0 reports for the same input.
 */
class HclParserTests {

	@Test
	void itemsKeysAndValuesCarryTheirPositions() throws Exception {
		HclObject root = parse("# comment\nclient {\n\tenabled = true\n\tservers = [\"a\"]\n}\n");
		assertThat(root.position()).isEqualTo(new Position(SOURCE, 1, 1));
		HclItem client = root.items().get(0);
		assertThat(client.position()).isEqualTo(new Position(SOURCE, 2, 1));
		assertThat(client.assignment()).isFalse();
		HclObject body = (HclObject) client.value();
		assertThat(body.position()).isEqualTo(new Position(SOURCE, 2, 8));
		HclItem enabled = body.items().get(0);
		assertThat(enabled.keys().get(0).position()).isEqualTo(new Position(SOURCE, 3, 2));
		assertThat(enabled.value())
			.isEqualTo(new HclLiteral(HclLiteral.Kind.BOOL, "true", true, new Position(SOURCE, 3, 12)));
		HclList servers = (HclList) body.items().get(1).value();
		assertThat(servers.position()).isEqualTo(new Position(SOURCE, 4, 12));
		assertThat(servers.elements().get(0).position()).isEqualTo(new Position(SOURCE, 4, 13));
	}

	@Test
	void columnsCountCodePointsNotChars() throws Exception {
		// "😀" is one column, as HCL v1 counts runes, although it is two Java chars.
		assertThat(errorAt("k = \"😀\" ;")).isEqualTo("1:9: illegal char");
		assertThat(parse("\"😀\" = 1 b = 2").items().get(1).position()).isEqualTo(new Position(SOURCE, 1, 9));
	}

	@Test
	void multiKeyItemKeepsEveryLabel() throws Exception {
		HclItem item = parse("a \"b\" c { }").items().get(0);
		assertThat(item.keys()).extracting(HclKey::name).containsExactly("a", "b", "c");
		assertThat(item.keys()).extracting(HclKey::quoted).containsExactly(false, true, false);
	}

	@Test
	void errorsAreReportedWhereHclReportsThem() {
		assertThat(errorAt("x = +1")).isEqualTo("1:5: Unknown token: 1:5 ADD +");
		assertThat(errorAt("a = 1; b = 2")).isEqualTo("1:6: illegal char");
		assertThat(errorAt("a =\nb = 1")).isEqualTo("2:1: Unknown token: 2:1 IDENT b");
		assertThat(errorAt("a { b }")).isEqualTo("1:7: key 'b' expected start of object ('{') or assignment ('=')");
		assertThat(errorAt("\"a\" b")).isEqualTo("1:7: key '\"a\" b' expected start of object ('{') or assignment ('=')");
		assertThat(errorAt("a b = 1")).isEqualTo("1:5: nested object expected: LBRACE got: ASSIGN");
		assertThat(errorAt("a = 1\n{}")).isEqualTo("2:1: expected: IDENT | STRING got: LBRACE");
		assertThat(errorAt("x = [1 2]")).isEqualTo("1:8: error parsing list, expected comma or list end, got: NUMBER");
		assertThat(errorAt("l = [{a = }]"))
			.isEqualTo("1:6: error while trying to parse object within list: 1:12: object expected closing RBRACE got: RBRACK");
	}

	@Test
	void endOfFileColumnMovesOnEachReadAsInHcl() {
		// HCL v1's scanner moves one column further every time it reads past the end.
		assertThat(errorAt("a { b = ")).isEqualTo("1:10: object expected closing RBRACE got: EOF");
		assertThat(errorAt("server {\n  enabled = true\n")).isEqualTo("3:2: object expected closing RBRACE got: EOF");
	}

	@Test
	void laterScannerErrorWinsOverEarlierOne() {
		// As HCL v1: the scanner goes on after an error and the last one is reported.
		assertThat(errorAt("name = \"first line\nsecond line\"\n")).isEqualTo("2:13: literal not terminated");
		assertThat(errorAt("{\"url\": \"http:\\/\\/example.com\"}")).isEqualTo("1:18: illegal char escape");
	}

	@Test
	void missingValueBeforeExtraClosingBraceIsDroppedAsInHcl() throws Exception {
		assertThat(decode("a { b = } }")).isEqualTo(Map.of("a", List.of(Map.of())));
	}

	@Test
	void topLevelAssignmentWithoutValueAtEndOfFileIsAnError() {
		// HCL v1.0.0 silently drops it.
		assertThat(errorAt("a = 1\nport =   # no value\n"))
			.isEqualTo("2:1: key 'port' has no value: '=' is followed by the end of the file");
	}

	@Test
	void commasAreOptionalBetweenItemsAndLenientInLists() throws Exception {
		assertThat(decode("ports { http = 1 rpc = 2 }")).isEqualTo(Map.of("ports", List.of(Map.of("http", 1L, "rpc", 2L))));
		assertThat(decode("l = [,1,,2,]")).isEqualTo(Map.of("l", List.of(1L, 2L)));
		assertThat(decode("l = [[1] [2]]")).isEqualTo(Map.of("l", List.of(List.of(1L), List.of(2L))));
	}

	@Test
	void crlfIsNormalisedBeforeScanning() throws Exception {
		assertThat(decode("a = 1\r\nh = <<EOF\r\nline\r\nEOF\r\n")).isEqualTo(Map.of("a", 1L, "h", "line\n"));
		assertThat(errorAt("a = 1\r\nb = ;")).isEqualTo("2:5: illegal char");
	}

	@Test
	void contentStartingWithBraceIsJsonAndByteOrderMarkIsNotSpace() throws Exception {
		assertThat(decode(" \t\n{\"a\": 1}")).isEqualTo(Map.of("a", 1L));
		// Go's unicode.IsSpace picks JSON, then HCL's JSON scanner (spaces, tabs and newlines
		// only) refuses the character.
		assertThat(errorAt("\f{\"a\": 1}")).isEqualTo("1:1: illegal char: \f");
		assertThat(errorAt("\u00A0{\"a\": 1}")).isEqualTo("1:1: illegal char: \u00A0");
		assertThat(errorAt("\uFEFF{\"a\": 1}")).isEqualTo("1:1: illegal char");
	}

	@Test
	void charactersHclAlwaysRefusesAreErrorsAtTheirPosition() {
		assertThat(errorAt("a = \"x\u0000\"")).isEqualTo("1:7: unexpected null character (0x00)");
		assertThat(errorAt("a = 1\n# \uE123")).isEqualTo("2:3: unicode code point U+E123 reserved for internal use");
		assertThat(errorAt("a = \"\uD800\"")).isEqualTo("1:6: illegal UTF-8 encoding");
	}

	@Test
	void bytesThatAreNotUtf8AreAnErrorAtTheirPosition() throws Exception {
		byte[] content = "a = 1\nb = \"\u00e9\"".getBytes(StandardCharsets.UTF_8);
		byte[] broken = java.util.Arrays.copyOf(content, content.length + 1);
		broken[content.length - 1] = (byte) 0xFF;
		broken[content.length] = '"';
		assertThat(HclParser.parse(SOURCE, content)).isNotNull().isInstanceOf(HclObject.class);
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(HclParseException.class,
				() -> HclParser.parse(SOURCE, broken)).getMessage()).isEqualTo("test.hcl:2:7: illegal UTF-8 encoding");
	}

	@Test
	void emptyAndCommentOnlyDocumentsAreEmptyObjects() throws Exception {
		assertThat(parse("").items()).isEmpty();
		assertThat(parse("# a\n/* b */ // c").items()).isEmpty();
	}

}
