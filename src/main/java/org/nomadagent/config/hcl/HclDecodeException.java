package org.nomadagent.config.hcl;

/**
 * A document that parses but cannot be decoded into plain values, at the position of the node
 * at fault. The reason is worded as HCL v1 words it, for example
 * {@code strconv.ParseInt: parsing "08": invalid syntax} or
 * {@code root.y: unknown type for string *ast.ListType}.
 */
public class HclDecodeException extends HclException {

	/**
	 * Creates an exception for a value that cannot be decoded.
	 * @param position where the value is; must not be {@literal null}
	 * @param reason what is wrong, without the position
	 */
	public HclDecodeException(Position position, String reason) {
		super(position, reason);
	}

}
