package org.nomadagent.config.hcl;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomadagent.config.hcl.HclTestInputs.decode;
import static org.nomadagent.config.hcl.HclTestInputs.decodeError;
import static org.nomadagent.config.hcl.HclTestInputs.errorAt;
import static org.nomadagent.config.hcl.HclTestInputs.parse;

/**
 * Strings, heredocs and numbers, with the values HCL v1.0.0 gives them.
 */
class HclLiteralsTests {

	@Test
	void escapesAreDecodedAndInterpolationsKeptAsWritten() throws Exception {
		assertThat(value("\"a\\tb\\n\\\"\\\\\\u00e9\\U0001F600\\x41\\101\"")).isEqualTo("a\tb\n\"\\é😀AA");
		assertThat(value("\"${ \"\\\\\" } and $${x}\"")).isEqualTo("${ \"\\\\\" } and $${x}");
		assertThat(value("\"${\n}\"")).isEqualTo("${\n}");
	}

	@Test
	void byteEscapesCombineAsUtf8AndStrayBytesBecomeReplacementCharacters() throws Exception {
		// \x and octal escapes make raw bytes in HCL v1 (a Go string).
		assertThat(value("\"\\xc3\\xa9\\xff\"")).isEqualTo("é\uFFFD");
		assertThat(value("\"\\303\\251\"")).isEqualTo("é");
		assertThat(value("\"\\ud800\"")).isEqualTo("\uFFFD");
	}

	@Test
	void stringsHclCannotDecodeAreErrorsWhereHclPanics() {
		assertThat(errorAt("s = \"\\U00110000\"")).isEqualTo("1:5: invalid string \"\\U00110000\": escape beyond U+10FFFF");
		assertThat(errorAt("s = \"\\400\"")).isEqualTo("1:5: invalid string \"\\400\": octal escape above \\377");
	}

	@Test
	void badEscapesAreScannerErrors() {
		assertThat(errorAt("s = \"\\q\"")).isEqualTo("1:7: illegal char escape");
		assertThat(errorAt("s = \"\\x4\"")).isEqualTo("1:9: illegal char escape");
	}

	@Test
	void heredocKeepsItsTextRaw() throws Exception {
		assertThat(value("<<EOF\n  \"q\" ${x} \\n\nEOF\n")).isEqualTo("  \"q\" ${x} \\n\n");
		assertThat(value("<<EOF\nEOF\n")).isEqualTo("");
		assertThat(value("<<EOF\nthis line ends with EOF\nEOF\n")).isEqualTo("this line ends with EOF\n");
	}

	@Test
	void indentedHeredocStripsTheClosingLinesIndentation() throws Exception {
		assertThat(value("<<-EOT\n    first\n      second\n    EOT\n")).isEqualTo("first\n  second\n");
		// Not every line has the closing line's indentation: kept as written, right-trimmed.
		assertThat(value("<<-EOT\n  first\nsecond\n  EOT\n")).isEqualTo("  first\nsecond\n");
	}

	@Test
	void heredocQuirksOfHclAreKept() throws Exception {
		// An indented closing line of a plain heredoc leaves its indentation in the value.
		assertThat(value("<<EOF\nx\n  EOF\n")).isEqualTo("x\n  ");
		// The closing line needs as many bytes as "-EOF", and a final newline.
		assertThat(errorAt("h = <<-EOF\n  x\nEOF\n")).isEqualTo("4:1: heredoc not terminated");
		assertThat(errorAt("h = <<EOF\nx\nEOF")).isEqualTo("3:4: heredoc not terminated");
		assertThat(errorAt("h = <<EOF x\nEOF\n")).isEqualTo("1:10: invalid characters in heredoc anchor");
		assertThat(errorAt("h = <<\nEOF\n")).isEqualTo("1:7: zero-length heredoc anchor");
	}

	@Test
	void integersFollowGoParseIntWithBaseDetection() throws Exception {
		assertThat(decode("a = 42\nb = -0x10\nc = 017\nd = 0X1f\ne = 9223372036854775807"))
			.isEqualTo(Map.of("a", 42L, "b", -16L, "c", 15L, "d", 31L, "e", Long.MAX_VALUE));
		assertThat(parse("a = 08").items().get(0).value()).isEqualTo(
				new HclLiteral(HclLiteral.Kind.NUMBER, "08", null, new Position(HclTestInputs.SOURCE, 1, 5)));
		assertThat(decodeError("a = 08").getMessage())
			.isEqualTo("test.hcl:1:5: strconv.ParseInt: parsing \"08\": invalid syntax");
		assertThat(decodeError("x = 99999999999999999999").reason())
			.isEqualTo("strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
	}

	@Test
	void floatsAreAnythingWithAFractionOrExponent() throws Exception {
		assertThat(decode("a = 1e3\nb = 1.\nc = .5\nd = 1.5e-3\ne = 1E+2"))
			.isEqualTo(Map.of("a", 1000.0, "b", 1.0, "c", 0.5, "d", 0.0015, "e", 100.0));
		assertThat(decodeError("x = 1e400").reason()).isEqualTo("strconv.ParseFloat: parsing \"1e400\": value out of range");
		assertThat(decodeError("x = 1e+").reason()).isEqualTo("strconv.ParseFloat: parsing \"1e+\": invalid syntax");
	}

	@Test
	void numberScannerErrorsMatchHcl() {
		assertThat(errorAt("v = 018")).isEqualTo("1:8: illegal octal number");
		assertThat(errorAt("v = 0x")).isEqualTo("1:7: illegal hexadecimal number");
		// HCL v1 does not read the exponent of ".5e3": the float is ".5e", then a stray 3.
		assertThat(errorAt("v = .5e3")).isEqualTo("1:8: expected: IDENT | STRING | ASSIGN | LBRACE got: NUMBER");
	}

	@Test
	void booleansAreOnlyTrueAndFalse() throws Exception {
		assertThat(decode("a = true\nb = [false, true]")).isEqualTo(Map.of("a", true, "b", java.util.List.of(false, true)));
		assertThat(errorAt("a = True")).isEqualTo("1:5: Unknown token: 1:5 IDENT True");
	}

	private static Object value(String literal) throws Exception {
		return decode("v = " + literal).get("v");
	}

}
