package org.nomadagent.config.hcl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Go's {@code strconv} behaviour that users see through HCL values and error messages.
 */
class GoStrconvTests {

	@Test
	void parseIntDetectsTheBaseFromThePrefix() throws Exception {
		assertThat(GoStrconv.parseInt("0")).isZero();
		assertThat(GoStrconv.parseInt("017")).isEqualTo(15);
		assertThat(GoStrconv.parseInt("0x1F")).isEqualTo(31);
		assertThat(GoStrconv.parseInt("-0X10")).isEqualTo(-16);
		assertThat(GoStrconv.parseInt("+42")).isEqualTo(42);
		assertThat(GoStrconv.parseInt("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
		assertThat(GoStrconv.parseInt("0x7fffffffffffffff")).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void parseIntRefusesWhatGoRefusesWithGosWording() {
		assertParseIntFails("08", "strconv.ParseInt: parsing \"08\": invalid syntax");
		assertParseIntFails("", "strconv.ParseInt: parsing \"\": invalid syntax");
		assertParseIntFails("-", "strconv.ParseInt: parsing \"-\": invalid syntax");
		assertParseIntFails("0x", "strconv.ParseInt: parsing \"0x\": invalid syntax");
		assertParseIntFails("1_000", "strconv.ParseInt: parsing \"1_000\": invalid syntax");
		assertParseIntFails("\uFF11", "strconv.ParseInt: parsing \"\uFF11\": invalid syntax");
		assertParseIntFails("9223372036854775808", "strconv.ParseInt: parsing \"9223372036854775808\": value out of range");
		// Go stops at the digit that overflows 64 bits, before it sees the bad one.
		assertParseIntFails("99999999999999999999x",
				"strconv.ParseInt: parsing \"99999999999999999999x\": value out of range");
	}

	@Test
	void parseFloatAcceptsGoDecimalSyntaxOnly() throws Exception {
		assertThat(GoStrconv.parseFloat("1.")).isEqualTo(1.0);
		assertThat(GoStrconv.parseFloat(".5")).isEqualTo(0.5);
		assertThat(GoStrconv.parseFloat("-1.5e-3")).isEqualTo(-0.0015);
		assertThat(GoStrconv.parseFloat("017")).isEqualTo(17.0);
		assertThat(GoStrconv.parseFloat("1e-400")).isZero();
		assertThat(GoStrconv.parseFloat("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(GoStrconv.parseFloat("NaN")).isNaN();
		assertThatExceptionOfType(GoStrconv.GoSyntaxException.class).isThrownBy(() -> GoStrconv.parseFloat("1e400"))
			.withMessage("strconv.ParseFloat: parsing \"1e400\": value out of range");
		for (String text : new String[] { "1e", "1ex", "0x10", "1d", " 1", "1f", "-nan", ".", "\u0131nf", "infx" }) {
			assertThatExceptionOfType(GoStrconv.GoSyntaxException.class).as(text)
				.isThrownBy(() -> GoStrconv.parseFloat(text))
				.withMessage("strconv.ParseFloat: parsing " + GoStrconv.quote(text) + ": invalid syntax");
		}
	}

	@Test
	void parseBoolAcceptsGosSpellings() throws Exception {
		assertThat(GoStrconv.parseBool("T")).isTrue();
		assertThat(GoStrconv.parseBool("False")).isFalse();
		assertThatExceptionOfType(GoStrconv.GoSyntaxException.class).isThrownBy(() -> GoStrconv.parseBool("yes"))
			.withMessage("strconv.ParseBool: parsing \"yes\": invalid syntax");
	}

	@Test
	void formatFloatGivesTheShortestPlainDecimal() {
		assertThat(GoStrconv.formatFloat(1.5)).isEqualTo("1.5");
		assertThat(GoStrconv.formatFloat(1000.0)).isEqualTo("1000");
		assertThat(GoStrconv.formatFloat(1e21)).isEqualTo("1000000000000000000000");
		assertThat(GoStrconv.formatFloat(1e-7)).isEqualTo("0.0000001");
		assertThat(GoStrconv.formatFloat(-0.0)).isEqualTo("-0");
		// Java 17's Double.toString gives 2.0E-3 correctly but 2.82879384806159008E17 here.
		assertThat(GoStrconv.formatFloat(2.82879384806159E17)).isEqualTo("282879384806159000");
		assertThat(GoStrconv.formatFloat(0.1 + 0.2)).isEqualTo("0.30000000000000004");
	}

	@Test
	void quoteEscapesWhatGoDoesNotPrint() {
		assertThat(GoStrconv.quote("a\"b\\c\n\t")).isEqualTo("\"a\\\"b\\\\c\\n\\t\"");
		assertThat(GoStrconv.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
		assertThat(GoStrconv.quote("\u0085\u00a0\u00ad\u200b")).isEqualTo("\"\\u0085\\u00a0\\u00ad\\u200b\"");
		assertThat(GoStrconv.quote("é 😀 ü")).isEqualTo("\"é 😀 ü\"");
	}

	private static void assertParseIntFails(String text, String message) {
		assertThatExceptionOfType(GoStrconv.GoSyntaxException.class).as(text)
			.isThrownBy(() -> GoStrconv.parseInt(text))
			.withMessage(message);
	}

}
