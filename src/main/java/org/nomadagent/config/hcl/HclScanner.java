package org.nomadagent.config.hcl;

/**
 * Splits HCL v1 text into tokens, character for character as HCL v1.0.0's scanner does,
 * including its quirks: {@code 1e} followed by a letter takes that letter into the number,
 * {@code 018} is an "illegal octal number" while {@code 08} scans fine (and fails later, in
 * {@code strconv.ParseInt}), and a heredoc must end with a newline after its closing anchor.
 */
final class HclScanner extends RuneScanner {

	HclScanner(SourceText text) {
		super(text);
	}

	/**
	 * Returns the next token that is not a comment.
	 */
	Token nextToken() {
		Token token = scan();
		while (token.type() == TokenType.COMMENT) {
			token = scan();
		}
		return token;
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
			scanIdentifier(true);
			type = isBool(start) ? TokenType.BOOL : TokenType.IDENT;
		}
		else if (isDecimal(ch)) {
			type = scanNumber(ch);
		}
		else {
			type = switch (ch) {
				case EOF -> TokenType.EOF;
				case '"' -> scanString();
				case '#', '/' -> scanComment(ch);
				case '.' -> scanPeriod();
				case '<' -> scanHeredoc();
				case '[' -> TokenType.LBRACK;
				case ']' -> TokenType.RBRACK;
				case '{' -> TokenType.LBRACE;
				case '}' -> TokenType.RBRACE;
				case ',' -> TokenType.COMMA;
				case '=' -> TokenType.ASSIGN;
				case '+' -> TokenType.ADD;
				case '-' -> isDecimal(peek()) ? scanNumber(next()) : TokenType.SUB;
				default -> {
					error("illegal char");
					yield TokenType.ILLEGAL;
				}
			};
		}
		return token(type, start, errors);
	}

	private boolean isBool(int start) {
		int length = this.index - start;
		char[] b = this.buf;
		if (length == 4) {
			return b[start] == 't' && b[start + 1] == 'r' && b[start + 2] == 'u' && b[start + 3] == 'e';
		}
		return length == 5 && b[start] == 'f' && b[start + 1] == 'a' && b[start + 2] == 'l' && b[start + 3] == 's'
				&& b[start + 4] == 'e';
	}

	private TokenType scanPeriod() {
		int ch = peek();
		if (!isDecimal(ch)) {
			return TokenType.PERIOD;
		}
		// As in HCL v1, the exponent check looks at the character after the digits without
		// reading it first, so ".5e3" is the float ".5e" followed by the number "3".
		scanExponent(scanMantissa(ch));
		return TokenType.FLOAT;
	}

	private TokenType scanNumber(int first) {
		int ch;
		if (first == '0') {
			ch = next();
			if (ch == 'x' || ch == 'X') {
				ch = next();
				boolean found = false;
				while (isHexadecimal(ch)) {
					ch = next();
					found = true;
				}
				if (!found) {
					error("illegal hexadecimal number");
				}
				if (ch != EOF) {
					unread();
				}
				return TokenType.NUMBER;
			}
			// HCL v1 checks for 8 and 9 only from the second digit after the 0 on, so "08"
			// scans (and fails in ParseInt) while "018" is an illegal octal number here.
			boolean illegalOctal = false;
			while (isDecimal(ch)) {
				ch = next();
				if (ch == '8' || ch == '9') {
					illegalOctal = true;
				}
			}
			if (scanFloatTail(ch)) {
				return TokenType.FLOAT;
			}
			if (illegalOctal) {
				error("illegal octal number");
			}
			if (ch != EOF) {
				unread();
			}
			return TokenType.NUMBER;
		}
		scanMantissa(first);
		ch = next();
		if (scanFloatTail(ch)) {
			return TokenType.FLOAT;
		}
		if (ch != EOF) {
			unread();
		}
		return TokenType.NUMBER;
	}

	private TokenType scanComment(int first) {
		int after = peek();
		if (first == '#' || after != '*') {
			if (first == '/' && after != '/') {
				error("expected '/' for comment");
				return TokenType.COMMENT;
			}
			int newline = indexOf('\n', this.index);
			if (newline < 0) {
				this.index = this.length;
				next();
			}
			else {
				this.index = newline;
			}
			return TokenType.COMMENT;
		}
		next();
		// A block comment ends at the first "*/" whose star comes after the opening "/*".
		int i = this.index;
		char[] b = this.buf;
		int last = this.length - 1;
		while (i < last && !(b[i] == '*' && b[i + 1] == '/')) {
			i++;
		}
		if (i < last) {
			this.index = i + 2;
		}
		else {
			this.index = this.length;
			next();
			error("comment not terminated");
		}
		return TokenType.COMMENT;
	}

	private TokenType scanString() {
		int braces = 0;
		char[] b = this.buf;
		int end = this.length;
		while (true) {
			if (braces == 0) {
				int i = this.index;
				while (i < end) {
					char c = b[i];
					if (c == '"' || c == '\\' || c == '\n' || c == '$') {
						break;
					}
					i++;
				}
				this.index = i;
			}
			int ch = next();
			if ((ch == '\n' && braces == 0) || ch == EOF) {
				error("literal not terminated");
				return TokenType.STRING;
			}
			if (ch == '"' && braces == 0) {
				return TokenType.STRING;
			}
			// Inside ${ } quotes do not end the string, as in HCL v1.
			if (braces == 0 && ch == '$' && peek() == '{') {
				braces++;
				next();
			}
			else if (braces > 0 && ch == '{') {
				braces++;
			}
			if (braces > 0 && ch == '}') {
				braces--;
			}
			if (ch == '\\') {
				scanEscape();
			}
		}
	}

	@Override
	void scanDigits(int ch, int base, int count) {
		int left = count;
		while (left > 0 && digitValue(ch) < base) {
			ch = next();
			if (ch == EOF) {
				break;
			}
			left--;
		}
		if (left > 0) {
			error("illegal char escape");
		}
		if (left != count && ch != EOF) {
			unread();
		}
	}

	private TokenType scanHeredoc() {
		if (next() != '<') {
			error("heredoc expected second '<', didn't see it");
			return TokenType.HEREDOC;
		}
		int anchorStart = this.index;
		int ch = next();
		if (ch == '-') {
			ch = next();
		}
		while (isLetter(ch) || isDigit(ch)) {
			ch = next();
		}
		if (ch == EOF) {
			error("heredoc not terminated");
			return TokenType.HEREDOC;
		}
		if (ch == '\r' && peek() == '\n') {
			ch = next();
		}
		if (ch != '\n') {
			error("invalid characters in heredoc anchor");
			return TokenType.HEREDOC;
		}
		int anchorEnd = this.index - 1;
		int anchorLength = anchorEnd - anchorStart;
		if (anchorLength == 0 || (anchorLength == 1 && this.buf[anchorStart] == '-')) {
			error("zero-length heredoc anchor");
			return TokenType.HEREDOC;
		}
		HeredocAnchor anchor = new HeredocAnchor(this.buf, anchorStart, anchorEnd);
		int lineStart = this.index;
		while (true) {
			int newline = indexOf('\n', lineStart);
			if (newline < 0) {
				this.index = this.length;
				next();
				error("heredoc not terminated");
				return TokenType.HEREDOC;
			}
			this.index = newline + 1;
			if (anchor.endsHeredoc(lineStart, newline)) {
				return TokenType.HEREDOC;
			}
			lineStart = newline + 1;
		}
	}

	private int indexOf(char c, int from) {
		char[] b = this.buf;
		for (int i = from; i < this.length; i++) {
			if (b[i] == c) {
				return i;
			}
		}
		return -1;
	}

}
