package org.nomadagent.config.hcl;

/**
 * Decides which line closes a heredoc, as HCL v1.0.0 does: a line made of optional whitespace,
 * the anchor and optional carriage returns, and at least as many UTF-8 bytes as the anchor as
 * written after {@code <<} (so for {@code <<-EOF} the closing line needs four bytes, one of them
 * indentation). A line that merely ends with the anchor text does not close the heredoc.
 */
final class HeredocAnchor {

	private final char[] buf;

	private final int nameStart;

	private final int nameEnd;

	private final boolean carriageReturn;

	private final int byteLength;

	/**
	 * @param buf the source
	 * @param start index of the anchor as written after {@code <<}, with its {@code -} if any
	 * @param end index of the newline after it
	 */
	HeredocAnchor(char[] buf, int start, int end) {
		this.buf = buf;
		this.byteLength = Utf8.length(buf, start, end);
		int nameStart = (buf[start] == '-') ? start + 1 : start;
		// A carriage return kept before the newline (from "\r\r\n") is part of the anchor in HCL v1.
		this.carriageReturn = end > nameStart && buf[end - 1] == '\r';
		this.nameStart = nameStart;
		this.nameEnd = this.carriageReturn ? end - 1 : end;
	}

	boolean endsHeredoc(int lineStart, int lineEnd) {
		if (lineEnd - lineStart < this.byteLength && Utf8.length(this.buf, lineStart, lineEnd) < this.byteLength) {
			return false;
		}
		int end = lineEnd;
		while (end > lineStart && this.buf[end - 1] == '\r') {
			end--;
		}
		if (this.carriageReturn && end == lineEnd) {
			return false;
		}
		int nameLength = this.nameEnd - this.nameStart;
		int nameAt = end - nameLength;
		if (nameAt < lineStart) {
			return false;
		}
		for (int i = 0; i < nameLength; i++) {
			if (this.buf[nameAt + i] != this.buf[this.nameStart + i]) {
				return false;
			}
		}
		for (int i = lineStart; i < nameAt; i++) {
			if (!isSpace(this.buf[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * RE2's {@code [[:space:]]}.
	 */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}

}
