package org.nomadagent.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.nomadagent.config.hcl.Position;

/**
 * Reads a configuration file as UTF-8 text, reporting I/O errors in the words Go's {@code os}
 * package uses ({@code open x: no such file or directory}) and the first byte that is not UTF-8
 * at its line and column.
 */
final class ConfigFileReader {

	private ConfigFileReader() {
	}

	/**
	 * Reads a file.
	 * @param file the file to read
	 * @param name the file's name as the user gave it, used in messages and positions
	 * @return the text
	 * @throws ConfigFileException if the file cannot be read or is not UTF-8
	 */
	static String read(Path file, String name) throws ConfigFileException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new ConfigFileException(null, "open " + name + ": " + describe(ex));
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new ConfigFileException(positionOfBadByte(bytes, name), "illegal UTF-8 encoding");
		}
	}

	/**
	 * Returns the text Go gives for an I/O error, such as {@code no such file or directory}.
	 * @param ex the exception
	 * @return the description
	 */
	static String describe(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file or directory";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex.getMessage() != null && ex.getMessage().contains("Is a directory")) {
			return "is a directory";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private static Position positionOfBadByte(byte[] bytes, String name) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		decoder.decode(in, out, true);
		out.flip();
		int line = 1;
		int column = 1;
		while (out.hasRemaining()) {
			char c = out.get();
			if (c == '\n') {
				line++;
				column = 1;
			}
			else if (!Character.isLowSurrogate(c)) {
				column++;
			}
		}
		return new Position(name, line, column);
	}

	/**
	 * A file that cannot be read, or is not text.
	 */
	static final class ConfigFileException extends Exception {

		private final transient Position position;

		ConfigFileException(Position position, String message) {
			super(message);
			this.position = position;
		}

		Position position() {
			return this.position;
		}

	}

}
