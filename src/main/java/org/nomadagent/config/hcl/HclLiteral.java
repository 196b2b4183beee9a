package org.nomadagent.config.hcl;

/**
 * A literal value: a string, a heredoc, a number or a boolean.
 *
 * <p>
 * {@code text} is the source text of the token ({@code 010}, {@code 1e3}, {@code true}, and for
 * strings the text with quotes and escapes as written); {@code value} is the decoded value:
 * <ul>
 * <li>{@link Kind#STRING} and {@link Kind#HEREDOC}: a {@link String}, escapes decoded,
 * {@code ${...}} kept verbatim;</li>
 * <li>{@link Kind#NUMBER}: a {@link Long} parsed with HCL v1's rules (Go's
 * {@code strconv.ParseInt(text, 0, 64)}: {@code 0x1F} is 31, {@code 017} is 15), or {@code null}
 * when the text does not parse ({@code 08}) or is out of range, in which case decoding it is an
 * error that {@link GoStrconv#parseInt(String)} words as Go does;</li>
 * <li>{@link Kind#FLOAT}: a {@link Double} parsed as Go's {@code strconv.ParseFloat} does, or
 * {@code null} when Go would refuse the text (out of range like {@code 1e400}, or text HCL's
 * scanner accepts as a float but Go does not, like {@code 1e} followed by a letter), in which
 * case decoding it is an error that {@link GoStrconv#parseFloat(String)} words as Go does;</li>
 * <li>{@link Kind#BOOL}: a {@link Boolean}.</li>
 * </ul>
 * A JSON {@code null} is a {@link Kind#STRING} with the text {@code null} and the value
 * {@code ""}, as in HCL v1.
 *
 * @param kind the kind of literal
 * @param text the source text of the token
 * @param value the decoded value, see above
 * @param position where the literal starts
 */
public record HclLiteral(Kind kind, String text, Object value, Position position) implements HclNode {

	/**
	 * The kinds of literal HCL v1 knows.
	 */
	public enum Kind {

		/** A quoted string. */
		STRING,

		/** A heredoc ({@code <<EOF}). */
		HEREDOC,

		/** An integer number. */
		NUMBER,

		/** A number with a fraction or an exponent. */
		FLOAT,

		/** {@code true} or {@code false}. */
		BOOL

	}

}
