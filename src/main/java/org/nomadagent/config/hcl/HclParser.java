package org.nomadagent.config.hcl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Parses HCL v1 and JSON documents into {@link HclObject} trees whose every node keeps its
 * position. Whether a document is JSON is decided by its content, as HCL v1 decides: JSON when
 * the first character that is not white space (in Go's {@code unicode.IsSpace} sense, so a
 * byte-order mark does not count as space) is <code>{</code>, HCL otherwise.
 *
 * <p>
 * The parsers behave as HCL v1.0.0's do, with two deliberate differences where v1.0.0 silently
 * loses input: a key with {@code =} (or {@code :}) and no value at the end of a file, and JSON
 * text that v1.0.0 skips (anything after the root object, or after a member where a comma or
 * <code>}</code> belongs), are errors. Every input yields either a tree or an
 * {@link HclParseException}.
 */
public final class HclParser {

	/**
	 * The deepest nesting of blocks, objects, lists and block labels accepted.
	 */
	public static final int MAX_NESTING = 500;

	private HclParser() {
	}

	/**
	 * Parses a document, deciding between HCL and JSON by its content.
	 * @param source the name of the document as the user gave it, used in positions
	 * @param content the text of the document
	 * @return the root object
	 * @throws HclParseException on a syntax error
	 */
	public static HclObject parse(String source, String content) throws HclParseException {
		if (isJson(content)) {
			SourceText text = new SourceText(source, content);
			text.rejectForbiddenCharacters(false);
			return new JsonSyntaxParser(text).parse();
		}
		// HCL v1 turns CRLF into LF before it scans anything, so positions count LF lines and a
		// heredoc never keeps a carriage return from a CRLF file.
		String normalized = (content.indexOf('\r') >= 0) ? content.replace("\r\n", "\n") : content;
		SourceText text = new SourceText(source, normalized);
		text.rejectForbiddenCharacters(true);
		return new HclSyntaxParser(text).parse();
	}

	/**
	 * Parses a document given as UTF-8 bytes. Bytes that are not UTF-8 are a syntax error at
	 * their position ({@code illegal UTF-8 encoding}), as in HCL v1.
	 * @param source the name of the document as the user gave it, used in positions
	 * @param content the bytes of the document
	 * @return the root object
	 * @throws HclParseException on a syntax error
	 */
	public static HclObject parse(String source, byte[] content) throws HclParseException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return parse(source, decoder.decode(ByteBuffer.wrap(content)).toString());
		}
		catch (MalformedInputException ex) {
			int offset = firstMalformedOffset(content);
			String before = new String(content, 0, offset, StandardCharsets.UTF_8);
			SourceText text = new SourceText(source, before);
			throw new HclParseException(text.positionAt(text.length), "illegal UTF-8 encoding");
		}
		catch (CharacterCodingException ex) {
			throw new HclParseException(new Position(source, 1, 1), "illegal UTF-8 encoding");
		}
	}

	private static int firstMalformedOffset(byte[] content) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(content.length + 1);
		decoder.decode(in, out, true);
		return in.position();
	}

	/**
	 * Whether HCL v1 would read the content as JSON.
	 */
	static boolean isJson(String content) {
		int length = content.length();
		int i = 0;
		while (i < length) {
			int cp = content.codePointAt(i);
			if (!isGoSpace(cp)) {
				return cp == '{';
			}
			i += Character.charCount(cp);
		}
		return false;
	}

	/**
	 * Go's {@code unicode.IsSpace}: the ASCII spaces and controls \t \n \v \f \r, U+0085, U+00A0,
	 * and the Unicode space separators.
	 */
	private static boolean isGoSpace(int cp) {
		if (cp <= 0xFF) {
			return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
		}
		return Character.isSpaceChar(cp);
	}

}
