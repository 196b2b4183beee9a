package org.nomadagent.config.hcl;

/**
 * The few functions of Go's {@code strconv} package whose behaviour, and error wording, Nomad
 * v0.5 shows to its users: integers with automatic base detection, Go's boolean spellings, the
 * shortest decimal form of a float, and Go's quoting of a value inside an error message.
 */
public final class GoStrconv {

	private GoStrconv() {
	}

	/**
	 * Parses an integer as Go's {@code strconv.ParseInt(s, 0, 64)} does (Go 1.7, the toolchain
	 * of Nomad v0.5): an optional sign, then {@code 0x}/{@code 0X} for hexadecimal, a leading
	 * {@code 0} for octal, decimal otherwise.
	 * @param text the text to parse; must not be {@literal null}
	 * @return the value
	 * @throws GoSyntaxException worded as Go words it, for example
	 * {@code strconv.ParseInt: parsing "08": invalid syntax}
	 */
	public static long parseInt(String text) throws GoSyntaxException {
		String s = text;
		boolean negative = false;
		if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
			negative = s.charAt(0) == '-';
			s = s.substring(1);
		}
		int base = 10;
		if (s.length() > 1 && s.charAt(0) == '0') {
			if (s.charAt(1) == 'x' || s.charAt(1) == 'X') {
				base = 16;
				s = s.substring(2);
			}
			else {
				base = 8;
				s = s.substring(1);
			}
		}
		if (s.isEmpty()) {
			throw syntaxError("ParseInt", text);
		}
		long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
		long result = 0;
		boolean overflow = false;
		for (int i = 0; i < s.length(); i++) {
			int digit = Character.digit(s.charAt(i), base);
			if (digit < 0 || s.charAt(i) > 'z') {
				throw syntaxError("ParseInt", text);
			}
			// Accumulate negatively, as Long.parseLong does, so Long.MIN_VALUE fits.
			if (!overflow && (result < limit / base || result * base < limit + digit)) {
				overflow = true;
			}
			result = result * base - digit;
		}
		if (overflow) {
			throw new GoSyntaxException("strconv.ParseInt: parsing " + quote(text) + ": value out of range");
		}
		return negative ? result : -result;
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
		String plain = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
		return plain;
	}

	/**
	 * Quotes text as Go's {@code strconv.Quote} does for the values shown in error messages.
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
					if (cp < 0x20 || cp == 0x7F) {
						out.append(String.format("\\x%02x", cp));
					}
					else if (!Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT
							|| Character.getType(cp) == Character.SURROGATE
							|| Character.getType(cp) == Character.PRIVATE_USE) {
						out.append((cp > 0xFFFF) ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
					}
					else {
						out.appendCodePoint(cp);
					}
				}
			}
		});
		return out.append('"').toString();
	}

	private static GoSyntaxException syntaxError(String function, String text) {
		return new GoSyntaxException("strconv." + function + ": parsing " + quote(text) + ": invalid syntax");
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
