package org.nomadagent.config.hcl;

/**
 * What the HCL and JSON scanners share: reading code points from the source one at a time with a
 * single step back, the number, identifier and escape rules they have in common, and error
 * bookkeeping.
 *
 * <p>
 * HCL v1 reports scanner errors through a callback and keeps scanning, and the parser then
 * returns the <em>last</em> scanner error it saw, in preference to its own. Error positions are
 * those of the last character read, and reading past the end moves one column further each time.
 * The scanners here keep those rules because the positions users see depend on them (a newline in
 * a quoted string is reported on the line where the scanner finally gives up, for example).
 */
abstract class RuneScanner {

	/** What {@link #next()} returns past the end of the input. */
	static final int EOF = -1;

	final SourceText text;

	final char[] buf;

	final int length;

	int index;

	private int lastSize;

	int eofReads;

	private int errorCount;

	private int errorIndex;

	private int errorEofReads;

	private String errorMessage;

	private final Token current = new Token();

	RuneScanner(SourceText text) {
		this.text = text;
		this.buf = text.chars;
		this.length = text.length;
	}

	/**
	 * Reads the next code point, or {@link #EOF}; every read past the end is counted.
	 */
	final int next() {
		int i = this.index;
		if (i < this.length) {
			char c = this.buf[i];
			if (Character.isHighSurrogate(c)) {
				// Pairs are guaranteed by SourceText.rejectForbiddenCharacters.
				this.index = i + 2;
				this.lastSize = 2;
				return Character.toCodePoint(c, this.buf[i + 1]);
			}
			this.index = i + 1;
			this.lastSize = 1;
			return c;
		}
		this.eofReads++;
		this.lastSize = 0;
		return EOF;
	}

	/**
	 * Steps back over the code point last read (nothing after a read past the end).
	 */
	final void unread() {
		this.index -= this.lastSize;
		this.lastSize = 0;
	}

	final int peek() {
		int i = this.index;
		if (i >= this.length) {
			return EOF;
		}
		char c = this.buf[i];
		return Character.isHighSurrogate(c) ? Character.toCodePoint(c, this.buf[i + 1]) : c;
	}

	/**
	 * Index of the first char of the code point last read.
	 */
	final int lastStart() {
		return this.index - this.lastSize;
	}

	final int errorCount() {
		return this.errorCount;
	}

	/**
	 * Records an error at the character last read; a later error replaces it.
	 */
	final void error(String message) {
		this.errorCount++;
		this.errorMessage = message;
		if (this.eofReads > 0 && this.index == this.length) {
			this.errorIndex = -1;
			this.errorEofReads = this.eofReads;
		}
		else {
			int i = this.index;
			if (i >= 2 && Character.isLowSurrogate(this.buf[i - 1])) {
				i--;
			}
			this.errorIndex = Math.max(0, i - 1);
		}
	}

	/**
	 * Throws the last error recorded, if any.
	 */
	final void throwIfError() throws HclParseException {
		if (this.errorMessage != null) {
			Position position = (this.errorIndex < 0) ? this.text.endPosition(this.errorEofReads)
					: this.text.positionAt(this.errorIndex);
			throw new HclParseException(position, this.errorMessage);
		}
	}

	/**
	 * Records the token just read in the scanner's one {@link Token} and returns it.
	 */
	final Token token(TokenType type, int start, int errorsBefore) {
		this.current.set(type, start, this.index, this.eofReads, this.errorCount == errorsBefore);
		return this.current;
	}

	/**
	 * Reads the rest of an identifier whose first character was read; {@code .} is part of an
	 * identifier in HCL but not in JSON.
	 */
	final void scanIdentifier(boolean periods) {
		int ch = next();
		while (isLetter(ch) || isDigit(ch) || ch == '-' || (periods && ch == '.')) {
			ch = next();
		}
		if (ch != EOF) {
			unread();
		}
	}

	/**
	 * Reads decimal digits starting with {@code ch}, which may be the character last read or the
	 * one just peeked at (HCL v1 does both), and returns the first non-digit, left unread.
	 */
	final int scanMantissa(int ch) {
		boolean scanned = false;
		while (isDecimal(ch)) {
			ch = next();
			scanned = true;
		}
		if (scanned && ch != EOF) {
			unread();
		}
		return ch;
	}

	final int scanFraction(int ch) {
		if (ch == '.') {
			return scanMantissa(peek());
		}
		return ch;
	}

	final int scanExponent(int ch) {
		if (ch == 'e' || ch == 'E') {
			ch = next();
			if (ch == '-' || ch == '+') {
				ch = next();
			}
			ch = scanMantissa(ch);
		}
		return ch;
	}

	/**
	 * Reads what may follow a number's digits, {@code ch} being the character after them: an
	 * exponent, or a fraction with an optional exponent.
	 * @return whether one was read, making the number a float
	 */
	final boolean scanFloatTail(int ch) {
		if (ch == 'e' || ch == 'E') {
			scanExponent(ch);
			return true;
		}
		if (ch == '.') {
			ch = scanFraction(ch);
			if (ch == 'e' || ch == 'E') {
				scanExponent(next());
			}
			return true;
		}
		return false;
	}

	/**
	 * Reads an escape sequence after a backslash.
	 */
	final void scanEscape() {
		int ch = next();
		switch (ch) {
			case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"' -> {
			}
			case '0', '1', '2', '3', '4', '5', '6', '7' -> scanDigits(ch, 8, 3);
			case 'x' -> scanDigits(next(), 16, 2);
			case 'u' -> scanDigits(next(), 16, 4);
			case 'U' -> scanDigits(next(), 16, 8);
			default -> error("illegal char escape");
		}
	}

	/**
	 * Reads up to {@code count} digits of an escape, the first of which, {@code ch}, was read.
	 */
	abstract void scanDigits(int ch, int base, int count);

	static boolean isLetter(int ch) {
		return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_'
				|| (ch >= 0x80 && Character.isLetter(ch));
	}

	static boolean isDigit(int ch) {
		return (ch >= '0' && ch <= '9') || (ch >= 0x80 && Character.isDigit(ch));
	}

	static boolean isDecimal(int ch) {
		return ch >= '0' && ch <= '9';
	}

	static boolean isHexadecimal(int ch) {
		return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
	}

	static boolean isWhitespace(int ch) {
		return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
	}

	static int digitValue(int ch) {
		if (ch >= '0' && ch <= '9') {
			return ch - '0';
		}
		if (ch >= 'a' && ch <= 'f') {
			return ch - 'a' + 10;
		}
		if (ch >= 'A' && ch <= 'F') {
			return ch - 'A' + 10;
		}
		return 16;
	}

}
