package org.nomadagent.config.hcl;

/**
 * The kinds of token the HCL and JSON scanners produce. The names are HCL v1's own, because
 * they appear in error messages ({@code expected: IDENT | STRING got: NUMBER}).
 */
enum TokenType {

	ILLEGAL, EOF, COMMENT, IDENT, NUMBER, FLOAT, BOOL, STRING, HEREDOC, NULL, LBRACK, LBRACE, COMMA, PERIOD,
	RBRACK, RBRACE, ASSIGN, ADD, SUB, COLON

}
