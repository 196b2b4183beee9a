package org.nomadagent.config.hcl;

/**
 * The token a scanner read last: its kind and where its text sits in the source. Each scanner
 * keeps one instance and overwrites it on every read, so nothing is allocated per token; a
 * parser that needs a token after the next read takes a {@link #copy()}. The position is
 * computed only when somebody asks for it.
 */
final class Token {

	private TokenType type;

	private int start;

	private int end;

	private int eofReads;

	private boolean clean;

	void set(TokenType type, int start, int end, int eofReads, boolean clean) {
		this.type = type;
		this.start = start;
		this.end = end;
		this.eofReads = eofReads;
		this.clean = clean;
	}

	Token copy() {
		Token copy = new Token();
		copy.set(this.type, this.start, this.end, this.eofReads, this.clean);
		return copy;
	}

	TokenType type() {
		return this.type;
	}

	/** Index of the first char of the token. */
	int start() {
		return this.start;
	}

	/** Index after the last char of the token. */
	int end() {
		return this.end;
	}

	/** Whether the scanner reported no error while reading this token. */
	boolean clean() {
		return this.clean;
	}

	/**
	 * Returns where the token starts; an end-of-file token's column depends on how often the
	 * scanner had read past the end, as in HCL v1.
	 */
	Position position(SourceText text) {
		return (this.type == TokenType.EOF) ? text.endPosition(this.eofReads) : text.positionAt(this.start);
	}

	String text(SourceText text) {
		return text.slice(this.start, this.end);
	}

	/**
	 * Returns the token as HCL v1 prints it in {@code Unknown token} errors:
	 * {@code line:column TYPE text}.
	 */
	String describe(SourceText text) {
		Position position = position(text);
		return position.line() + ":" + position.column() + " " + this.type + " " + text(text);
	}

}
