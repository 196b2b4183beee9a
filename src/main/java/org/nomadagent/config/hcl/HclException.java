package org.nomadagent.config.hcl;

/**
 * A document that cannot be read, at a position: a syntax error ({@link HclParseException}) or a
 * value that cannot be decoded ({@link HclDecodeException}). The message is
 * {@code position: reason}.
 */
public abstract class HclException extends Exception {

	private final Position position;

	private final String reason;

	/**
	 * Creates an exception.
	 * @param position where the error is; must not be {@literal null}
	 * @param reason what is wrong, without the position
	 */
	protected HclException(Position position, String reason) {
		super(position + ": " + reason);
		this.position = position;
		this.reason = reason;
	}

	/**
	 * Returns where the error is.
	 */
	public Position position() {
		return this.position;
	}

	/**
	 * Returns what is wrong, without the position.
	 */
	public String reason() {
		return this.reason;
	}

}
