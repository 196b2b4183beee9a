package org.nomadagent.config.hcl;

/**
 * The text being parsed as a char array, with the mapping from char indexes to line and column.
 *
 * <p>
 * Columns count Unicode code points, as HCL v1's scanner counts runes, so a surrogate pair is one
 * column. Positions are worked out on demand from a table of line starts, which keeps the
 * scanners free of line bookkeeping.
 */
final class SourceText {

	private final String source;

	private final String content;

	final char[] chars;

	final int length;

	/** Index of the first char of each line, filled by {@link #rejectForbiddenCharacters}. */
	private int[] lineStarts;

	private int lineCount;

	private boolean surrogates;

	private int cursorLine;

	SourceText(String source, String content) {
		this.source = source;
		this.content = content;
		this.chars = content.toCharArray();
		this.length = this.chars.length;
	}

	String source() {
		return this.source;
	}

	String slice(int start, int end) {
		return this.content.substring(start, end);
	}

	/**
	 * Returns the position of the char at {@code index} ({@code length} for just past the end).
	 * Lookups are cheapest in increasing order, which is the order the parsers ask in.
	 */
	Position positionAt(int index) {
		if (this.lineStarts == null) {
			indexLines();
		}
		int line = this.cursorLine;
		if (this.lineStarts[line] > index) {
			line = lineOf(index);
		}
		while (line + 1 < this.lineCount && this.lineStarts[line + 1] <= index) {
			line++;
		}
		this.cursorLine = line;
		int lineStart = this.lineStarts[line];
		int column = index - lineStart + 1;
		if (this.surrogates) {
			for (int i = lineStart; i < index; i++) {
				if (Character.isLowSurrogate(this.chars[i])) {
					column--;
				}
			}
		}
		return new Position(this.source, line + 1, column);
	}

	private int lineOf(int index) {
		int low = 0;
		int high = this.lineCount - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (this.lineStarts[middle] <= index) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low;
	}

	private void indexLines() {
		this.lineStarts = new int[16];
		this.lineCount = 1;
		for (int i = 0; i < this.length; i++) {
			char c = this.chars[i];
			if (c == '\n') {
				addLine(i + 1);
			}
			else if (Character.isSurrogate(c)) {
				this.surrogates = true;
			}
		}
	}

	private void addLine(int start) {
		if (this.lineCount == this.lineStarts.length) {
			this.lineStarts = java.util.Arrays.copyOf(this.lineStarts, this.lineCount * 2);
		}
		this.lineStarts[this.lineCount++] = start;
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
		// String.indexOf is vectorised, so recording line starts and looking for NUL and U+E123
		// costs little; only text with surrogates is walked char by char.
		this.lineStarts = new int[Math.max(16, this.length / 32)];
		this.lineCount = 1;
		for (int newline = this.content.indexOf('\n'); newline >= 0; newline = this.content.indexOf('\n', newline + 1)) {
			addLine(newline + 1);
		}
		int forbidden = this.content.indexOf(0);
		String reason = "unexpected null character (0x00)";
		int reserved = hcl ? this.content.indexOf('\uE123') : -1;
		if (reserved >= 0 && (forbidden < 0 || reserved < forbidden)) {
			forbidden = reserved;
			reason = "unicode code point U+E123 reserved for internal use";
		}
		int loneSurrogate = firstLoneSurrogate();
		if (loneSurrogate >= 0 && (forbidden < 0 || loneSurrogate < forbidden)) {
			forbidden = loneSurrogate;
			reason = "illegal UTF-8 encoding";
		}
		if (forbidden >= 0) {
			throw new HclParseException(positionAt(forbidden), reason);
		}
	}

	private int firstLoneSurrogate() {
		char[] text = this.chars;
		int i = 0;
		while (i < this.length && !Character.isSurrogate(text[i])) {
			i++;
		}
		for (; i < this.length; i++) {
			char c = text[i];
			if (Character.isHighSurrogate(c)) {
				this.surrogates = true;
				if (i + 1 < this.length && Character.isLowSurrogate(text[i + 1])) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

}
