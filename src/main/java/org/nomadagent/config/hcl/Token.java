package org.nomadagent.config.hcl;

/**
 * One token: its kind and where its text sits in the source. The position is computed only when
 * somebody asks for it, so scanning stays a plain walk over a char array.
 *
 * @param type the kind of token
 * @param start index of the first char of the token
 * @param end index after the last char of the token
 * @param eofReads how many times the scanner had read past the end when the token was made; an
 * end-of-file token's column depends on it, as in HCL v1
 * @param clean whether the scanner reported no error while reading this token
 */
record Token(TokenType type, int start, int end, int eofReads, boolean clean) {

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
