package org.nomadagent.config.hcl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as Go sees it. HCL v1 works on bytes: {@code \xNN} and octal escapes produce single bytes,
 * and heredoc trimming cuts by byte counts. These helpers measure and decode such bytes, turning
 * each byte that is not part of a valid sequence into U+FFFD, as Go does when it prints such a
 * string.
 */
final class Utf8 {

	private Utf8() {
	}

	static int length(char[] chars, int start, int end) {
		int length = 0;
		for (int i = start; i < end; i++) {
			char c = chars[i];
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	static byte[] encode(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Decodes bytes, replacing every byte that does not start a valid sequence with U+FFFD.
	 */
	static String decode(byte[] bytes, int start, int end) {
		StringBuilder out = new StringBuilder(end - start);
		int i = start;
		while (i < end) {
			int b0 = bytes[i] & 0xFF;
			if (b0 < 0x80) {
				out.append((char) b0);
				i++;
				continue;
			}
			int size = sequenceLength(bytes, i, end);
			if (size == 0) {
				out.append('\uFFFD');
				i++;
				continue;
			}
			out.append(new String(bytes, i, size, StandardCharsets.UTF_8));
			i += size;
		}
		return out.toString();
	}

	/**
	 * Returns the length of the valid multi-byte sequence at {@code i}, or 0 (Go's accept ranges:
	 * no overlong forms, no surrogates, nothing above U+10FFFF).
	 */
	private static int sequenceLength(byte[] bytes, int i, int end) {
		int b0 = bytes[i] & 0xFF;
		int size;
		int low = 0x80;
		int high = 0xBF;
		if (b0 >= 0xC2 && b0 <= 0xDF) {
			size = 2;
		}
		else if (b0 >= 0xE0 && b0 <= 0xEF) {
			size = 3;
			if (b0 == 0xE0) {
				low = 0xA0;
			}
			else if (b0 == 0xED) {
				high = 0x9F;
			}
		}
		else if (b0 >= 0xF0 && b0 <= 0xF4) {
			size = 4;
			if (b0 == 0xF0) {
				low = 0x90;
			}
			else if (b0 == 0xF4) {
				high = 0x8F;
			}
		}
		else {
			return 0;
		}
		if (i + size > end) {
			return 0;
		}
		int b1 = bytes[i + 1] & 0xFF;
		if (b1 < low || b1 > high) {
			return 0;
		}
		for (int k = 2; k < size; k++) {
			int b = bytes[i + k] & 0xFF;
			if (b < 0x80 || b > 0xBF) {
				return 0;
			}
		}
		return size;
	}

	/**
	 * Collects bytes and chars in order, for strings that mix raw bytes with text.
	 */
	static final class Builder {

		private final StringBuilder text;

		private ByteArrayOutputStream pending;

		Builder(int capacity) {
			this.text = new StringBuilder(capacity);
		}

		void appendByte(int value) {
			if (this.pending == null) {
				this.pending = new ByteArrayOutputStream();
			}
			this.pending.write(value);
		}

		void append(char c) {
			flush();
			this.text.append(c);
		}

		void appendCodePoint(int codePoint) {
			flush();
			this.text.appendCodePoint(codePoint);
		}

		void append(char[] chars, int start, int end) {
			flush();
			this.text.append(chars, start, end - start);
		}

		private void flush() {
			if (this.pending != null && this.pending.size() > 0) {
				byte[] bytes = this.pending.toByteArray();
				this.text.append(decode(bytes, 0, bytes.length));
				this.pending.reset();
			}
		}

		@Override
		public String toString() {
			flush();
			return this.text.toString();
		}

	}

}
