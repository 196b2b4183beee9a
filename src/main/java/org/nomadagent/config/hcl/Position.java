package org.nomadagent.config.hcl;

/**
 * Where a piece of configuration text sits: the source as the user named it (a file path, kept
 * relative when it was given relative), and a 1-based line and column. Columns count characters
 * (Unicode code points), as the HCL v1 scanner does.
 *
 * @param source name of the file or other source, as given by the user
 * @param line 1-based line number
 * @param column 1-based column number
 */
public record Position(String source, int line, int column) {

	/**
	 * Returns {@code source:line:column}, the form every error message of the project starts with.
	 */
	@Override
	public String toString() {
		return this.source + ":" + this.line + ":" + this.column;
	}

}
