package org.nomadagent.config.hcl;

/**
 * Makes keys and literals of the HCL syntax tree from tokens, with their values as HCL v1.0.0
 * decodes them. A string that cannot be decoded is recorded in {@link #errors()} rather than
 * reported at once, because HCL v1 only fails on it if it is decoded.
 */
final class HclLiterals {

	private final SourceText text;

	private final LiteralErrors errors = new LiteralErrors();

	HclLiterals(SourceText text) {
		this.text = text;
	}

	LiteralErrors errors() {
		return this.errors;
	}

	HclKey key(Token t) {
		Position position = t.position(this.text);
		if (t.type() == TokenType.IDENT) {
			return new HclKey(t.text(this.text), false, position);
		}
		String name = unquote(t, position);
		HclKey key = new HclKey((name != null) ? name : "", true, position);
		if (name == null) {
			this.errors.attach(key);
		}
		return key;
	}

	HclLiteral literal(Token t) {
		Position position = t.position(this.text);
		String raw = t.text(this.text);
		HclLiteral.Kind kind = switch (t.type()) {
			case NUMBER -> HclLiteral.Kind.NUMBER;
			case FLOAT -> HclLiteral.Kind.FLOAT;
			case BOOL -> HclLiteral.Kind.BOOL;
			case HEREDOC -> HclLiteral.Kind.HEREDOC;
			default -> HclLiteral.Kind.STRING;
		};
		if (!t.clean()) {
			// The scanner's error ends the parse; the value is never looked at.
			return new HclLiteral(kind, raw, null, position);
		}
		if (kind == HclLiteral.Kind.STRING) {
			String value = unquote(t, position);
			HclLiteral literal = new HclLiteral(kind, raw, (value != null) ? value : "", position);
			if (value == null) {
				this.errors.attach(literal);
			}
			return literal;
		}
		Object value = switch (kind) {
			case NUMBER -> GoStrconv.parseIntOrNull(raw);
			case FLOAT -> GoStrconv.parseFloatOrNull(raw);
			case BOOL -> raw.equals("true");
			default -> StringLiterals.heredoc(raw);
		};
		return new HclLiteral(kind, raw, value, position);
	}

	/**
	 * Returns the value of a quoted string token, or {@code null} (with the error recorded) if
	 * it cannot be decoded or the scanner already reported an error in it.
	 */
	private String unquote(Token t, Position position) {
		if (!t.clean()) {
			return "";
		}
		try {
			return StringLiterals.unquoteHcl(this.text, t.start(), t.end());
		}
		catch (StringLiterals.InvalidLiteralException ex) {
			this.errors.pending(
					new HclParseException(position, "invalid string " + t.text(this.text) + ": " + ex.getMessage()));
			return null;
		}
	}

}
