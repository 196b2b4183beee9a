package org.nomadagent.config.hcl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The few functions of Go's {@code strconv} package whose behaviour, and error wording, Nomad
 * v0.5 shows to its users: integers with automatic base detection, floats, Go's boolean
 * spellings, the shortest decimal form of a float, and Go's quoting of a value inside an error
 * message.
 */
public final class GoStrconv {

	private static final long SIGN_BIT = Long.MIN_VALUE;

	private GoStrconv() {
	}

	/**
	 * Parses an integer as Go's {@code strconv.ParseInt(s, 0, 64)} does (Go 1.7, the toolchain
	 * of Nomad v0.5): an optional sign, then {@code 0x}/{@code 0X} for hexadecimal, a leading
	 * {@code 0} for octal, decimal otherwise. As in Go, a value that overflows 64 unsigned bits
	 * is out of range as soon as the digit that overflows is read, even if a bad digit follows.
	 * @param text the text to parse; must not be {@literal null}
	 * @return the value
	 * @throws GoSyntaxException worded as Go words it, for example
	 * {@code strconv.ParseInt: parsing "08": invalid syntax}
	 */
	public static long parseInt(String text) throws GoSyntaxException {
		int i = 0;
		boolean negative = false;
		if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
			negative = text.charAt(0) == '-';
			i = 1;
		}
		int length = text.length();
		if (i == length) {
			throw syntaxError("ParseInt", text);
		}
		int base = 10;
		if (text.charAt(i) == '0') {
			if (i + 1 < length && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
				if (i + 2 == length) {
					throw syntaxError("ParseInt", text);
				}
				base = 16;
				i += 2;
			}
			else {
				base = 8;
				i += 1;
			}
		}
		long cutoff = cutoff(base);
		long n = 0;
		for (; i < length; i++) {
			int digit = digit(text.charAt(i));
			if (digit >= base) {
				throw syntaxError("ParseInt", text);
			}
			if (Long.compareUnsigned(n, cutoff) >= 0) {
				throw rangeError("ParseInt", text);
			}
			n *= base;
			long next = n + digit;
			if (Long.compareUnsigned(next, n) < 0) {
				throw rangeError("ParseInt", text);
			}
			n = next;
		}
		if (negative ? Long.compareUnsigned(n, SIGN_BIT) > 0 : Long.compareUnsigned(n, SIGN_BIT) >= 0) {
			throw rangeError("ParseInt", text);
		}
		return negative ? -n : n;
	}

	/**
	 * Returns the smallest unsigned 64-bit value that overflows when multiplied by the base, as
	 * Go's {@code ParseUint} computes it. Constants, because Java 17's
	 * {@code Long.divideUnsigned} goes through {@code BigInteger} for such values.
	 */
	private static long cutoff(int base) {
		return switch (base) {
			case 8 -> 0x2000000000000000L;
			case 16 -> 0x1000000000000000L;
			default -> 0x199999999999999AL;
		};
	}

	/**
	 * Parses an integer as {@link #parseInt(String)} does.
	 * @param text the text to parse
	 * @return the value, or {@code null} if Go would refuse the text
	 */
	public static Long parseIntOrNull(String text) {
		// Most numbers in configuration files are short decimals; skip the general path.
		int length = text.length();
		if (length > 0 && length < 19 && text.charAt(0) > '0' && text.charAt(0) <= '9') {
			long value = 0;
			int i = 0;
			while (i < length && isDecimal(text.charAt(i))) {
				value = value * 10 + (text.charAt(i++) - '0');
			}
			if (i == length) {
				return value;
			}
		}
		try {
			return parseInt(text);
		}
		catch (GoSyntaxException ex) {
			return null;
		}
	}

	/**
	 * Parses a float as Go's {@code strconv.ParseFloat(s, 64)} does for decimal text: an optional
	 * sign, digits with an optional fraction ({@code 1.}, {@code .5}) and an optional exponent,
	 * or {@code inf}, {@code infinity} and {@code nan} in any case. A value too large for a double
	 * is out of range; a value too small becomes zero, as in Go. Go's hexadecimal floats are not
	 * accepted (HCL's scanner never produces them).
	 * @param text the text to parse; must not be {@literal null}
	 * @return the value
	 * @throws GoSyntaxException worded as Go words it, for example
	 * {@code strconv.ParseFloat: parsing "1e400": value out of range}
	 */
	public static double parseFloat(String text) throws GoSyntaxException {
		int i = 0;
		int length = text.length();
		if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
			i++;
		}
		if (i < length && !isDecimal(text.charAt(i)) && text.charAt(i) != '.') {
			String word = text.substring(i);
			if (equalsAsciiIgnoreCase(word, "inf") || equalsAsciiIgnoreCase(word, "infinity")) {
				return (text.charAt(0) == '-') ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
			}
			if (equalsAsciiIgnoreCase(word, "nan") && i == 0) {
				return Double.NaN;
			}
			throw syntaxError("ParseFloat", text);
		}
		int digits = 0;
		while (i < length && isDecimal(text.charAt(i))) {
			i++;
			digits++;
		}
		if (i < length && text.charAt(i) == '.') {
			i++;
			while (i < length && isDecimal(text.charAt(i))) {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			throw syntaxError("ParseFloat", text);
		}
		if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
			i++;
			if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
				i++;
			}
			int exponentDigits = 0;
			while (i < length && isDecimal(text.charAt(i))) {
				i++;
				exponentDigits++;
			}
			if (exponentDigits == 0) {
				throw syntaxError("ParseFloat", text);
			}
		}
		if (i != length) {
			throw syntaxError("ParseFloat", text);
		}
		double value = Double.parseDouble(text);
		if (Double.isInfinite(value)) {
			throw rangeError("ParseFloat", text);
		}
		return value;
	}

	/**
	 * Parses a float as {@link #parseFloat(String)} does.
	 * @param text the text to parse
	 * @return the value, or {@code null} if Go would refuse the text
	 */
	public static Double parseFloatOrNull(String text) {
		try {
			return parseFloat(text);
		}
		catch (GoSyntaxException ex) {
			return null;
		}
	}

	/**
	 * Parses a boolean as Go's {@code strconv.ParseBool} does: {@code 1 t T TRUE true True} and
	 * {@code 0 f F FALSE false False}.
	 * @param text the text to parse; must not be {@literal null}
	 * @return the value
	 * @throws GoSyntaxException worded as Go words it
	 */
	public static boolean parseBool(String text) throws GoSyntaxException {
		switch (text) {
			case "1", "t", "T", "TRUE", "true", "True" -> {
				return true;
			}
			case "0", "f", "F", "FALSE", "false", "False" -> {
				return false;
			}
			default -> throw syntaxError("ParseBool", text);
		}
	}

	/**
	 * Formats a float as Go's {@code strconv.FormatFloat(f, 'f', -1, 64)} does: the shortest
	 * decimal text that reads back as the same value, without an exponent ({@code 1.5},
	 * {@code 2}, {@code 1000}).
	 * @param value the value
	 * @return the text
	 */
	public static String formatFloat(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "+Inf" : "-Inf";
		}
		if (value == 0) {
			return (1 / value < 0) ? "-0" : "0";
		}
		// Double.toString is not always the shortest form on Java 17 (JDK-4511638), so look for
		// the fewest significant digits that still read back as the same double.
		BigDecimal exact = new BigDecimal(value);
		for (int precision = 1; precision < 17; precision++) {
			BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
			if (rounded.doubleValue() == value) {
				return rounded.stripTrailingZeros().toPlainString();
			}
		}
		return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
	}

	/**
	 * Quotes text as Go's {@code strconv.Quote} does for the values shown in error messages:
	 * printable characters as they are, the usual C escapes, {@code \xNN} for other control
	 * characters, {@code \\uNNNN} or {@code \\UNNNNNNNN} for other non-printable characters.
	 * @param text the text
	 * @return the quoted text
	 */
	public static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		text.codePoints().forEach((cp) -> {
			switch (cp) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\r' -> out.append("\\r");
				case 0x07 -> out.append("\\a");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case 0x0B -> out.append("\\v");
				default -> {
					if (isPrint(cp)) {
						out.appendCodePoint(cp);
					}
					else if (cp < 0x20 || cp == 0x7F) {
						out.append(String.format("\\x%02x", cp));
					}
					else if (cp > 0xFFFF) {
						out.append(String.format("\\U%08x", cp));
					}
					else {
						out.append(String.format("\\u%04x", cp));
					}
				}
			}
		});
		return out.append('"').toString();
	}

	/**
	 * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
	 * space (so no other spaces, no controls, no format characters).
	 */
	static boolean isPrint(int cp) {
		if (cp <= 0xFF) {
			return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA1 && cp != 0xAD);
		}
		return switch (Character.getType(cp)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
					Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
					Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
					Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
					Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
					Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
				true;
			default -> false;
		};
	}

	/**
	 * Go compares these words byte by byte, folding ASCII letters only.
	 */
	private static boolean equalsAsciiIgnoreCase(String text, String lowerCase) {
		if (text.length() != lowerCase.length()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != lowerCase.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDecimal(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * A digit as Go's ParseUint reads it: 0-9, then letters a-z in either case as 10-35; anything
	 * else is larger than every base.
	 */
	private static int digit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'Z') {
			return c - 'A' + 10;
		}
		return Integer.MAX_VALUE;
	}

	private static GoSyntaxException syntaxError(String function, String text) {
		return new GoSyntaxException("strconv." + function + ": parsing " + quote(text) + ": invalid syntax");
	}

	private static GoSyntaxException rangeError(String function, String text) {
		return new GoSyntaxException("strconv." + function + ": parsing " + quote(text) + ": value out of range");
	}

	/**
	 * A value that Go's {@code strconv} would refuse, worded as Go words it.
	 */
	public static final class GoSyntaxException extends Exception {

		GoSyntaxException(String message) {
			super(message);
		}

	}

}
