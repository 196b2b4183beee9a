package org.nomadagent.config.hcl;

/**
 * A syntax error in an HCL or JSON document, at a position.
 */
public class HclParseException extends HclException {

	/**
	 * Creates an exception for a syntax error.
	 * @param position where the error is; must not be {@literal null}
	 * @param reason what is wrong, without the position (for example {@code literal not terminated})
	 */
	public HclParseException(Position position, String reason) {
		super(position, reason);
	}

}
