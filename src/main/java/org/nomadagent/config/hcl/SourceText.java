package org.nomadagent.config.hcl;

/**
 * The text being parsed as a char array, with the mapping from char indexes to line and column.
 *
 * <p>
 * Columns count Unicode code points, as HCL v1's scanner counts runes, so a surrogate pair is one
 * column. Positions are worked out lazily from a cursor that only moves forward in the common
 * case, which keeps the scanners free of line bookkeeping.
 */
final class SourceText {

	private final String source;

	final char[] chars;

	final int length;

	private int cursor;

	private int cursorLine = 1;

	private int cursorColumn = 1;

	SourceText(String source, String content) {
		this.source = source;
		this.chars = content.toCharArray();
		this.length = this.chars.length;
	}

	String source() {
		return this.source;
	}

	String slice(int start, int end) {
		return new String(this.chars, start, end - start);
	}

	/**
	 * Returns the position of the char at {@code index} ({@code length} for just past the end).
	 */
	Position positionAt(int index) {
		if (index < this.cursor) {
			this.cursor = 0;
			this.cursorLine = 1;
			this.cursorColumn = 1;
		}
		int line = this.cursorLine;
		int column = this.cursorColumn;
		char[] text = this.chars;
		for (int i = this.cursor; i < index; i++) {
			char c = text[i];
			if (c == '\n') {
				line++;
				column = 1;
			}
			else if (!Character.isLowSurrogate(c)) {
				column++;
			}
		}
		this.cursor = index;
		this.cursorLine = line;
		this.cursorColumn = column;
		return new Position(this.source, line, column);
	}

	/**
	 * Returns the position HCL v1 gives to the end of the input after it was read
	 * {@code eofReads} times: its scanner moves one column further on every read past the end.
	 */
	Position endPosition(int eofReads) {
		Position end = positionAt(this.length);
		return new Position(this.source, end.line(), end.column() + Math.max(0, eofReads - 1));
	}

	/**
	 * Rejects the characters that HCL v1's scanner always refuses, wherever they are: NUL, a
	 * surrogate that is not half of a pair (the Java form of a byte sequence that is not UTF-8),
	 * and, in HCL but not in JSON, U+E123.
	 * @param hcl whether the text is HCL (rather than JSON)
	 * @throws HclParseException at the first such character
	 */
	void rejectForbiddenCharacters(boolean hcl) throws HclParseException {
		char[] text = this.chars;
		for (int i = 0; i < this.length; i++) {
			char c = text[i];
			if (c >= ' ' && c < '\uD800') {
				continue;
			}
			if (c == 0) {
				throw new HclParseException(positionAt(i), "unexpected null character (0x00)");
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < this.length && Character.isLowSurrogate(text[i + 1])) {
					i++;
					continue;
				}
				throw new HclParseException(positionAt(i), "illegal UTF-8 encoding");
			}
			if (Character.isLowSurrogate(c)) {
				throw new HclParseException(positionAt(i), "illegal UTF-8 encoding");
			}
			if (hcl && c == '\uE123') {
				throw new HclParseException(positionAt(i), "unicode code point U+E123 reserved for internal use");
			}
		}
	}

}
