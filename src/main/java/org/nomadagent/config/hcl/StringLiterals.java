package org.nomadagent.config.hcl;

/**
 * Turns the text of string and heredoc tokens into their values, as HCL v1.0.0 does when it
 * decodes them: HCL strings with HCL's own unquoting (escapes decoded, {@code ${...}} copied as
 * written, so {@code \\} inside {@code ${ }} stays two backslashes), JSON strings with Go's
 * {@code strconv.Unquote}, heredocs with HCL's indent stripping.
 */
final class StringLiterals {

	private StringLiterals() {
	}

	/**
	 * Decodes a quoted HCL string.
	 * @param text the source
	 * @param start index of the opening quote
	 * @param end index after the closing quote
	 * @return the value
	 * @throws InvalidLiteralException for the few strings HCL v1's scanner accepts but its
	 * unquoting rejects (and HCL v1 then panics on)
	 */
	static String unquoteHcl(SourceText text, int start, int end) throws InvalidLiteralException {
		return unquote(text, start + 1, end - 1, true);
	}

	/**
	 * Decodes a quoted JSON string as Go's {@code strconv.Unquote} does.
	 */
	static String unquoteJson(SourceText text, int start, int end) throws InvalidLiteralException {
		return unquote(text, start + 1, end - 1, false);
	}

	private static String unquote(SourceText text, int from, int to, boolean hcl) throws InvalidLiteralException {
		char[] buf = text.chars;
		boolean plain = true;
		for (int i = from; i < to; i++) {
			char c = buf[i];
			if (c == '\\' || c == '"' || c == '\n' || (hcl && c == '$')) {
				plain = false;
				break;
			}
		}
		if (plain) {
			return text.slice(from, to);
		}
		Utf8.Builder out = new Utf8.Builder(to - from);
		int i = from;
		while (i < to) {
			char c = buf[i];
			if (hcl && c == '$' && i + 1 < to && buf[i + 1] == '{') {
				i = copyInterpolation(buf, i, to, out);
				continue;
			}
			if (c == '\n' || c == '"') {
				throw new InvalidLiteralException("unescaped " + ((c == '"') ? "quote" : "newline"));
			}
			if (c != '\\') {
				out.append(c);
				i++;
				continue;
			}
			i = unescape(buf, i, to, hcl, out);
		}
		return out.toString();
	}

	private static int copyInterpolation(char[] buf, int dollar, int to, Utf8.Builder out)
			throws InvalidLiteralException {
		int i = dollar + 2;
		int braces = 1;
		while (i < to && braces > 0) {
			char c = buf[i++];
			if (c == '\uFFFD') {
				// HCL v1 cannot tell this character from a decoding error here.
				throw new InvalidLiteralException("U+FFFD inside ${ }");
			}
			if (c == '{') {
				braces++;
			}
			else if (c == '}') {
				braces--;
			}
		}
		if (braces != 0) {
			throw new InvalidLiteralException("unclosed ${");
		}
		out.append(buf, dollar, i);
		return i;
	}

	private static int unescape(char[] buf, int backslash, int to, boolean hcl, Utf8.Builder out)
			throws InvalidLiteralException {
		if (backslash + 1 >= to) {
			throw new InvalidLiteralException("trailing backslash");
		}
		char c = buf[backslash + 1];
		int i = backslash + 2;
		switch (c) {
			case 'a' -> out.append('\u0007');
			case 'b' -> out.append('\b');
			case 'f' -> out.append('\f');
			case 'n' -> out.append('\n');
			case 'r' -> out.append('\r');
			case 't' -> out.append('\t');
			case 'v' -> out.append('\u000B');
			case '\\' -> out.append('\\');
			case '"' -> out.append('"');
			case 'x', 'u', 'U' -> {
				int digits = (c == 'x') ? 2 : (c == 'u') ? 4 : 8;
				if (i + digits > to) {
					throw new InvalidLiteralException("short \\" + c + " escape");
				}
				int value = 0;
				for (int k = 0; k < digits; k++) {
					int digit = RuneScanner.digitValue(buf[i + k]);
					if (digit > 15) {
						throw new InvalidLiteralException("bad \\" + c + " escape");
					}
					value = (value << 4) | digit;
				}
				i += digits;
				if (c == 'x') {
					out.appendByte(value);
				}
				else {
					appendRune(value, hcl, out);
				}
			}
			case '0', '1', '2', '3', '4', '5', '6', '7' -> {
				if (i + 2 > to) {
					throw new InvalidLiteralException("short octal escape");
				}
				int value = c - '0';
				for (int k = 0; k < 2; k++) {
					int digit = buf[i + k] - '0';
					if (digit < 0 || digit > 7) {
						throw new InvalidLiteralException("bad octal escape");
					}
					value = (value << 3) | digit;
				}
				i += 2;
				if (value > 255) {
					throw new InvalidLiteralException("octal escape above \\377");
				}
				out.appendByte(value);
			}
			default -> throw new InvalidLiteralException("unknown escape \\" + c);
		}
		return i;
	}

	private static void appendRune(int value, boolean hcl, Utf8.Builder out) throws InvalidLiteralException {
		if (value > Character.MAX_CODE_POINT) {
			throw new InvalidLiteralException("escape beyond U+10FFFF");
		}
		// A \U escape above 7FFFFFFF overflows Go's 32-bit rune to a negative value, which HCL's
		// own unquoting lets through and then encodes as U+FFFD; strconv.Unquote refuses it.
		if (value < 0 || (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE)) {
			// HCL's own unquoting writes a surrogate as U+FFFD; Go's strconv.Unquote, used for
			// JSON, refuses it (JSON surrogate pairs are therefore not supported, as in HCL v1).
			if (!hcl) {
				throw new InvalidLiteralException("escape of an invalid code point: " + Integer.toHexString(value));
			}
			out.append('\uFFFD');
			return;
		}
		if (value < 0x80) {
			out.append((char) value);
			return;
		}
		out.appendCodePoint(value);
	}

	/**
	 * Returns the value of a heredoc token ({@code <<EOF ... EOF\n}) as HCL v1.0.0's
	 * {@code unindentHeredoc} computes it. That code cuts the closing anchor off by byte counts
	 * derived from the opening anchor, so an indented closing line leaves its indentation at the
	 * end of a {@code <<EOF} value, and {@code <<-} strips the indentation of the closing line
	 * from every line only when all lines have it.
	 */
	static String heredoc(String token) {
		byte[] b = Utf8.encode(token);
		int idx = indexOf(b, (byte) '\n', 0, b.length);
		boolean unindent = b.length > 2 && b[2] == '-';
		int bodyStart = idx + 1;
		int plainEnd = clamp(b.length - idx + 1, bodyStart, b.length);
		if (!unindent) {
			return Utf8.decode(b, bodyStart, plainEnd);
		}
		int linesEnd = clamp(b.length - idx + 2, bodyStart, b.length);
		int lastLine = lastIndexOf(b, (byte) '\n', bodyStart, linesEnd) + 1;
		if (lastLine == 0) {
			lastLine = bodyStart;
		}
		int prefixLength = linesEnd - lastLine;
		boolean indented = true;
		int lineStart = bodyStart;
		while (lineStart <= linesEnd) {
			int lineEnd = indexOf(b, (byte) '\n', lineStart, linesEnd);
			if (lineEnd < 0) {
				lineEnd = linesEnd;
			}
			if (!startsWith(b, lineStart, lineEnd, lastLine, prefixLength)) {
				indented = false;
				break;
			}
			lineStart = lineEnd + 1;
		}
		if (!indented) {
			int end = plainEnd;
			while (end > bodyStart && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
				end--;
			}
			return Utf8.decode(b, bodyStart, end);
		}
		byte[] out = new byte[linesEnd - bodyStart];
		int length = 0;
		lineStart = bodyStart;
		while (lineStart < lastLine) {
			int lineEnd = indexOf(b, (byte) '\n', lineStart, linesEnd);
			int from = lineStart + prefixLength;
			System.arraycopy(b, from, out, length, lineEnd - from);
			length += lineEnd - from;
			out[length++] = '\n';
			lineStart = lineEnd + 1;
		}
		return Utf8.decode(out, 0, length);
	}

	private static boolean startsWith(byte[] b, int start, int end, int prefix, int prefixLength) {
		if (end - start < prefixLength) {
			return false;
		}
		for (int k = 0; k < prefixLength; k++) {
			if (b[start + k] != b[prefix + k]) {
				return false;
			}
		}
		return true;
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	private static int indexOf(byte[] b, byte value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOf(byte[] b, byte value, int from, int to) {
		for (int i = to - 1; i >= from; i--) {
			if (b[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A string token that HCL v1's scanner accepts but whose value cannot be decoded.
	 */
	static final class InvalidLiteralException extends Exception {

		InvalidLiteralException(String message) {
			super(message, null, false, false);
		}

	}

}
