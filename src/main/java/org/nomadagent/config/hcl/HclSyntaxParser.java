package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for HCL v1 text, following HCL v1.0.0's parser token for token: the
 * same look-ahead (which decides the column of an end-of-file error), the same error texts, and
 * the same leniencies (commas between object items optional, leading and doubled commas in lists,
 * no comma needed after a nested list, and an item with a missing value inside a block dropped
 * when the block is closed by a further <code>}</code>).
 *
 * <p>
 * One deliberate difference: a top-level {@code key =} with nothing after it at the end of the
 * file, which HCL v1.0.0 silently drops, is an error here.
 */
final class HclSyntaxParser {

	private final SourceText text;

	private final HclScanner scanner;

	private Token tok;

	/** The type HCL v1 gives the current token; its parser overwrites it in one error path. */
	private TokenType tokType;

	private boolean buffered;

	private int depth;

	private final HclLiterals literals;

	private final ScratchLists<HclItem> itemLists = new ScratchLists<>();

	private final ScratchLists<HclNode> elementLists = new ScratchLists<>();

	/**
	 * Start and end index of each key of the item being read (for error messages); read again
	 * only before its value is parsed or when it has none.
	 */
	private int[] keyRanges = new int[8];

	private final List<HclKey> keyScratch = new ArrayList<>();

	HclSyntaxParser(SourceText text) {
		this.text = text;
		this.scanner = new HclScanner(text);
		this.literals = new HclLiterals(text);
	}

	HclObject parse() throws HclParseException {
		List<HclItem> items = this.itemLists.at(0);
		try {
			objectList(false, items);
		}
		catch (HclParseException ex) {
			// HCL v1 prefers the scanner's last error to the parser's.
			this.scanner.throwIfError();
			throw ex;
		}
		this.scanner.throwIfError();
		HclObject root = new HclObject(items, new Position(this.text.source(), 1, 1));
		this.literals.errors().throwIfReachable(root);
		return root;
	}

	private Token scan() {
		if (this.buffered) {
			this.buffered = false;
			return this.tok;
		}
		this.tok = this.scanner.nextToken();
		this.tokType = this.tok.type();
		return this.tok;
	}

	private void unscan() {
		this.buffered = true;
	}

	private void objectList(boolean inObject, List<HclItem> items) throws HclParseException {
		while (true) {
			if (inObject) {
				scan();
				unscan();
				if (this.tokType == TokenType.RBRACE) {
					return;
				}
			}
			HclItem item = objectItem(!inObject);
			if (item == null) {
				return;
			}
			items.add(item);
			// Commas between items are optional.
			if (scan().type() != TokenType.COMMA) {
				unscan();
			}
		}
	}

	/**
	 * Parses one item, or returns {@code null} at the end of the input.
	 */
	private HclItem objectItem(boolean topLevel) throws HclParseException {
		List<HclKey> keys = this.keyScratch;
		keys.clear();
		HclParseException keyError = null;
		boolean atEnd = false;
		keys: while (true) {
			Token t = scan();
			switch (t.type()) {
				case EOF -> {
					atEnd = true;
					break keys;
				}
				case ASSIGN -> {
					if (keys.size() > 1) {
						throw error(t, "nested object expected: LBRACE got: ASSIGN");
					}
					if (keys.isEmpty()) {
						throw error(t, "no object keys found!");
					}
					break keys;
				}
				case LBRACE -> {
					if (keys.isEmpty()) {
						throw error(t, "expected: IDENT | STRING got: LBRACE");
					}
					break keys;
				}
				case IDENT, STRING -> {
					addKeyRange(keys.size(), t);
					keys.add(this.literals.key(t));
				}
				case ILLEGAL -> {
					keyError = error(t, "illegal character");
					break keys;
				}
				default -> {
					keyError = error(t, "expected: IDENT | STRING | ASSIGN | LBRACE got: " + t.type());
					break keys;
				}
			}
		}
		if (keys.isEmpty()) {
			if (keyError != null) {
				throw keyError;
			}
			return null;
		}
		if (keyError != null) {
			if (this.tokType != TokenType.RBRACE) {
				throw keyError;
			}
			// HCL v1 reports keys closed by "}" as a missing value, and marks the token so the
			// enclosing block does not take the error for its own end.
			this.tokType = TokenType.EOF;
		}
		List<HclKey> itemKeys = (keys.size() == 1) ? List.of(keys.get(0)) : List.copyOf(keys);
		HclNode value;
		boolean assignment;
		int labels = itemKeys.size() - 1;
		enter(labels, itemKeys.get(labels).position());
		try {
			switch (atEnd ? TokenType.EOF : this.tokType) {
				case ASSIGN -> {
					assignment = true;
					value = object();
					if (value == null) {
						if (topLevel) {
							throw new FatalParseException(itemKeys.get(0).position(), "key '" + keyText(keys.size())
									+ "' has no value: '=' is followed by the end of the file");
						}
						return null;
					}
				}
				case LBRACE -> {
					assignment = false;
					value = objectType();
				}
				default -> throw error(this.tok, "key '" + keyText(keys.size())
						+ "' expected start of object ('{') or assignment ('=')");
			}
		}
		finally {
			this.depth -= labels;
		}
		// HCL v1 looks one token ahead here for a trailing comment.
		scan();
		unscan();
		return new HclItem(itemKeys, value, assignment, itemKeys.get(0).position());
	}

	/**
	 * Parses a value, or returns {@code null} at the end of the input.
	 */
	private HclNode object() throws HclParseException {
		Token t = scan();
		return switch (t.type()) {
			case NUMBER, FLOAT, BOOL, STRING, HEREDOC -> this.literals.literal(t);
			case LBRACE -> objectType();
			case LBRACK -> listType();
			case EOF -> null;
			default -> throw error(t, "Unknown token: " + t.describe(this.text));
		};
	}

	private HclObject objectType() throws HclParseException {
		Token lbrace = this.tok;
		Position position = lbrace.position(this.text);
		enter(1, position);
		try {
			List<HclItem> items = this.itemLists.at(this.depth);
			try {
				objectList(true, items);
			}
			catch (HclParseException ex) {
				// As in HCL v1: an error on a "}" (a value missing before it) is dropped with
				// its item, and the "}" is taken as the end of this object.
				if (ex instanceof FatalParseException || this.tokType != TokenType.RBRACE) {
					throw ex;
				}
			}
			Token t = scan();
			if (t.type() != TokenType.RBRACE) {
				throw error(t, "object expected closing RBRACE got: " + t.type());
			}
			return new HclObject(items, position);
		}
		finally {
			this.depth--;
		}
	}

	private HclList listType() throws HclParseException {
		Token lbrack = this.tok;
		Position position = lbrack.position(this.text);
		enter(1, position);
		try {
			List<HclNode> elements = this.elementLists.at(this.depth);
			boolean needComma = false;
			while (true) {
				Token t = scan();
				if (needComma && t.type() != TokenType.COMMA && t.type() != TokenType.RBRACK) {
					throw error(t, "error parsing list, expected comma or list end, got: " + t.type());
				}
				switch (t.type()) {
					case BOOL, NUMBER, FLOAT, STRING, HEREDOC -> {
						elements.add(this.literals.literal(t));
						needComma = true;
					}
					case COMMA -> {
						scan();
						unscan();
						needComma = false;
					}
					case LBRACE -> {
						elements.add(nested(true, t.start(), "object"));
						needComma = true;
					}
					// HCL v1 asks for no comma after a nested list.
					case LBRACK -> elements.add(nested(false, t.start(), "list"));
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

	private HclNode nested(boolean object, int openIndex, String what) throws HclParseException {
		try {
			return object ? objectType() : listType();
		}
		catch (FatalParseException ex) {
			throw ex;
		}
		catch (HclParseException ex) {
			Position inner = ex.position();
			throw new HclParseException(this.text.positionAt(openIndex), "error while trying to parse " + what
					+ " within list: " + inner.line() + ":" + inner.column() + ": " + ex.reason());
		}
	}

	private void enter(int levels, Position at) throws HclParseException {
		this.depth += levels;
		if (this.depth > HclParser.MAX_NESTING) {
			throw FatalParseException.nestingTooDeep(at);
		}
	}

	private void addKeyRange(int key, Token t) {
		if (2 * key + 2 > this.keyRanges.length) {
			this.keyRanges = java.util.Arrays.copyOf(this.keyRanges, 2 * this.keyRanges.length);
		}
		this.keyRanges[2 * key] = t.start();
		this.keyRanges[2 * key + 1] = t.end();
	}

	private HclParseException error(Token t, String reason) {
		return new HclParseException(t.position(this.text), reason);
	}

	/**
	 * Returns the keys of the item being read as written, separated by spaces, as HCL v1 quotes
	 * them in errors.
	 */
	private String keyText(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				text.append(' ');
			}
			text.append(this.text.slice(this.keyRanges[2 * i], this.keyRanges[2 * i + 1]));
		}
		return text.toString();
	}

}
