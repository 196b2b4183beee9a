package org.nomadagent.config.hcl;

/**
 * Splits JSON text into tokens as HCL v1.0.0's JSON scanner does. It is HCL's scanner with JSON
 * punctuation: strings accept HCL's escapes ({@code \a}, {@code \x41}, {@code \U0001F600}) but
 * not JSON's {@code \/}, {@code true}, {@code false} and {@code null} are the only words, and a
 * number may not start with {@code 0} unless it is {@code 0} or has a fraction or exponent.
 */
final class JsonScanner extends RuneScanner {

	JsonScanner(SourceText text) {
		super(text);
	}

	Token scan() {
		int ch = next();
		while (isWhitespace(ch)) {
			ch = next();
		}
		int errors = errorCount();
		int start = lastStart();
		TokenType type;
		if (isLetter(ch)) {
			scanIdentifier(false);
			type = word(start);
			if (type == TokenType.ILLEGAL) {
				error("illegal char");
			}
		}
		else if (isDecimal(ch)) {
			type = scanNumber(ch);
		}
		else {
			type = switch (ch) {
				case EOF -> TokenType.EOF;
				case '"' -> scanString();
				case '.' -> scanPeriod();
				case '[' -> TokenType.LBRACK;
				case ']' -> TokenType.RBRACK;
				case '{' -> TokenType.LBRACE;
				case '}' -> TokenType.RBRACE;
				case ',' -> TokenType.COMMA;
				case ':' -> TokenType.COLON;
				case '-' -> {
					if (isDecimal(peek())) {
						yield scanNumber(next());
					}
					error("illegal char");
					yield TokenType.ILLEGAL;
				}
				default -> {
					error("illegal char: " + new String(Character.toChars(ch)));
					yield TokenType.ILLEGAL;
				}
			};
		}
		return token(type, start, errors);
	}

	private TokenType word(int start) {
		String word = this.text.slice(start, this.index);
		return switch (word) {
			case "true", "false" -> TokenType.BOOL;
			case "null" -> TokenType.NULL;
			default -> TokenType.ILLEGAL;
		};
	}

	private TokenType scanPeriod() {
		int ch = peek();
		if (!isDecimal(ch)) {
			return TokenType.PERIOD;
		}
		scanExponent(scanMantissa(ch));
		return TokenType.FLOAT;
	}

	private TokenType scanNumber(int first) {
		boolean zero = first == '0';
		int afterFirst = this.index;
		int eofBefore = this.eofReads;
		scanMantissa(first);
		int ch = next();
		if (scanFloatTail(ch)) {
			return TokenType.FLOAT;
		}
		if (ch != EOF) {
			unread();
		}
		// HCL v1 compares scanner positions here, and a read past the end moves the position,
		// so even a lone "0" at the very end of the input is refused.
		if (zero && (this.index != afterFirst || this.eofReads != eofBefore)) {
			error("numbers cannot start with 0");
		}
		return TokenType.NUMBER;
	}

	private TokenType scanString() {
		char[] b = this.buf;
		int end = this.length;
		while (true) {
			int i = this.index;
			while (i < end) {
				char c = b[i];
				if (c == '"' || c == '\\' || c == '\n') {
					break;
				}
				i++;
			}
			this.index = i;
			int ch = next();
			if (ch == '\n' || ch == EOF) {
				error("literal not terminated");
				return TokenType.STRING;
			}
			if (ch == '"') {
				return TokenType.STRING;
			}
			scanEscape();
		}
	}

	@Override
	void scanDigits(int ch, int base, int count) {
		int left = count;
		while (left > 0 && digitValue(ch) < base) {
			ch = next();
			left--;
		}
		if (left > 0) {
			error("illegal char escape");
		}
		// HCL v1's JSON scanner always steps back here (and panics if it read past the end).
		unread();
	}

}
