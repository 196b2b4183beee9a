package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser for JSON configuration, following HCL v1.0.0's JSON parser: trailing commas are
 * accepted, several string keys before one colon make one multi-key item, {@code true},
 * {@code false} and <code>[</code> inside a list are skipped, {@code null} is the empty string,
 * a member with a missing value just before a <code>}</code> is dropped, and an object left open
 * at the end of the file ends there. The result is flattened as HCL v1 flattens JSON (see
 * {@link JsonFlattener}).
 *
 * <p>
 * Deliberate differences, where HCL v1.0.0 silently skips input: a member followed by anything
 * but a comma or a closing brace, text after the root object, and a key left without a value at
 * the end of the file are errors here. They are reported only when HCL v1.0.0 would have
 * succeeded; where it fails, the parser follows it to the same error.
 */
final class JsonSyntaxParser {

	private final SourceText text;

	private final JsonScanner scanner;

	private Token tok;

	private int depth;

	private final LiteralErrors literalErrors = new LiteralErrors();

	private final ScratchLists<HclItem> itemLists = new ScratchLists<>();

	private final ScratchLists<HclNode> elementLists = new ScratchLists<>();

	/** The first place where HCL v1 would silently skip input; reported if nothing else fails. */
	private HclParseException skippedInput;

	JsonSyntaxParser(SourceText text) {
		this.text = text;
		this.scanner = new JsonScanner(text);
	}

	HclObject parse() throws HclParseException {
		HclObject root;
		try {
			Token t = scan();
			if (t.type() != TokenType.LBRACE) {
				throw error(t, (t.type() == TokenType.EOF) ? "EOF token found"
						: "Expected object, got unknown token: " + t.describe(this.text));
			}
			root = objectType();
		}
		catch (HclParseException ex) {
			this.scanner.throwIfError();
			throw ex;
		}
		this.scanner.throwIfError();
		if (this.skippedInput != null) {
			throw this.skippedInput;
		}
		rejectTrailingText();
		HclObject flat = JsonFlattener.flatten(new HclObject(root.items(), new Position(this.text.source(), 1, 1)));
		this.literalErrors.throwIfReachable(flat);
		return flat;
	}

	private void rejectTrailingText() throws HclParseException {
		char[] b = this.text.chars;
		for (int i = this.scanner.index; i < this.text.length; i++) {
			if (!RuneScanner.isWhitespace(b[i])) {
				throw new HclParseException(this.text.positionAt(i), "unexpected text after the root object");
			}
		}
	}

	private Token scan() {
		this.tok = this.scanner.scan();
		return this.tok;
	}

	private HclObject objectType() throws HclParseException {
		Token lbrace = this.tok;
		Position position = lbrace.position(this.text);
		enter(lbrace);
		try {
			List<HclItem> items = this.itemLists.at(this.depth);
			try {
				objectList(items);
			}
			catch (HclParseException ex) {
				// As in HCL v1: an error on a "}" ends the object (a trailing comma, "{}", or a
				// member whose value is missing, which is dropped).
				if (ex instanceof FatalParseException || this.tok.type() != TokenType.RBRACE) {
					throw ex;
				}
			}
			return new HclObject(items, position);
		}
		finally {
			this.depth--;
		}
	}

	private void objectList(List<HclItem> items) throws HclParseException {
		while (true) {
			HclItem item = objectItem();
			if (item == null) {
				return;
			}
			items.add(item);
			Token t = scan();
			if (t.type() != TokenType.COMMA) {
				if (t.type() != TokenType.RBRACE && t.type() != TokenType.EOF) {
					// HCL v1 ends the object here and ignores this token; the parent object then
					// goes on from the next one.
					skipped(t.position(this.text), "expected ',' or '}' after object member, got: " + t.type());
				}
				return;
			}
		}
	}

	/**
	 * Parses one member, or returns {@code null} at the end of the input.
	 */
	private HclItem objectItem() throws HclParseException {
		List<HclKey> keys = new ArrayList<>(1);
		while (true) {
			Token t = scan();
			switch (t.type()) {
				case EOF -> {
					if (!keys.isEmpty()) {
						danglingKey(keys);
					}
					return null;
				}
				case STRING -> keys.add(key(t));
				case COLON -> {
					if (keys.isEmpty()) {
						throw error(t, "expected: STRING got: COLON");
					}
					HclNode value = objectValue();
					if (value == null) {
						danglingKey(keys);
						return null;
					}
					return new HclItem(keys, value, true, keys.get(0).position());
				}
				case ILLEGAL -> throw error(t, "illegal");
				default -> throw error(t, "expected: STRING got: " + t.type());
			}
		}
	}

	private void danglingKey(List<HclKey> keys) {
		skipped(keys.get(0).position(),
				"key " + GoStrconv.quote(keys.get(0).name()) + " has no value at the end of the file");
	}

	private void skipped(Position position, String reason) {
		if (this.skippedInput == null) {
			this.skippedInput = new HclParseException(position, reason);
		}
	}

	private HclKey key(Token t) {
		HclKey key = new HclKey(stringValue(t), true, t.position(this.text));
		this.literalErrors.attach(key);
		return key;
	}

	/**
	 * Parses a value, or returns {@code null} at the end of the input.
	 */
	private HclNode objectValue() throws HclParseException {
		Token t = scan();
		return switch (t.type()) {
			case NUMBER, FLOAT, BOOL, NULL, STRING -> literal(t);
			case LBRACE -> objectType();
			case LBRACK -> listType();
			case EOF -> null;
			default -> throw error(t, "Expected object value, got unknown token: " + t.describe(this.text));
		};
	}

	private HclList listType() throws HclParseException {
		Token lbrack = this.tok;
		Position position = lbrack.position(this.text);
		enter(lbrack);
		try {
			List<HclNode> elements = this.elementLists.at(this.depth);
			while (true) {
				Token t = scan();
				switch (t.type()) {
					case NUMBER, FLOAT, STRING -> elements.add(literal(t));
					case LBRACE -> elements.add(objectType());
					// HCL v1.0.0 skips commas, booleans and nested brackets inside JSON lists.
					case COMMA, BOOL, LBRACK -> {
					}
					case RBRACK -> {
						return new HclList(elements, position);
					}
					default -> throw error(t, "unexpected token while parsing list: " + t.type());
				}
			}
		}
		finally {
			this.depth--;
		}
	}

	private HclLiteral literal(Token t) {
		Position position = t.position(this.text);
		String raw = t.text(this.text);
		if (!t.clean()) {
			return new HclLiteral(HclLiteral.Kind.STRING, raw, null, position);
		}
		return switch (t.type()) {
			case NUMBER -> new HclLiteral(HclLiteral.Kind.NUMBER, raw, GoStrconv.parseIntOrNull(raw), position);
			case FLOAT -> new HclLiteral(HclLiteral.Kind.FLOAT, raw, GoStrconv.parseFloatOrNull(raw), position);
			case BOOL -> new HclLiteral(HclLiteral.Kind.BOOL, raw, raw.equals("true"), position);
			case NULL -> new HclLiteral(HclLiteral.Kind.STRING, raw, "", position);
			default -> {
				HclLiteral literal = new HclLiteral(HclLiteral.Kind.STRING, raw, stringValue(t), position);
				this.literalErrors.attach(literal);
				yield literal;
			}
		};
	}

	private String stringValue(Token t) {
		if (!t.clean()) {
			return "";
		}
		try {
			return StringLiterals.unquoteJson(this.text, t.start(), t.end());
		}
		catch (StringLiterals.InvalidLiteralException ex) {
			this.literalErrors.pending(new HclParseException(t.position(this.text),
					"invalid string " + t.text(this.text) + ": " + ex.getMessage()));
			return "";
		}
	}

	private void enter(Token at) throws HclParseException {
		if (++this.depth > HclParser.MAX_NESTING) {
			throw FatalParseException.nestingTooDeep(at.position(this.text));
		}
	}

	private HclParseException error(Token t, String reason) {
		return new HclParseException(t.position(this.text), reason);
	}

}
