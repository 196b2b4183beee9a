package org.nomadagent.config.hcl;

/**
 * A syntax error that the parsers must report even where HCL v1 would swallow an error (HCL v1
 * drops an error met on a closing brace and takes the brace as the end of the object). Used for
 * the nesting limit and for the errors this project reports where HCL v1 silently loses input.
 */
final class FatalParseException extends HclParseException {

	FatalParseException(Position position, String reason) {
		super(position, reason);
	}

	/**
	 * Blocks, lists and labels nested deeper than {@link HclParser#MAX_NESTING}. HCL v1 has no
	 * such limit; this one keeps every input from exhausting the stack, here or in code that
	 * walks the tree.
	 */
	static FatalParseException nestingTooDeep(Position position) {
		return new FatalParseException(position, "nesting too deep (more than " + HclParser.MAX_NESTING + " levels)");
	}

}
