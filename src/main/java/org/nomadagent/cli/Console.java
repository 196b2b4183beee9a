package org.nomadagent.cli;

import java.io.PrintStream;

/**
 * The two output streams of the command line, with Nomad's conventions: output and info lines on
 * standard output, errors (prefixed {@code ==> }) and warnings on standard error.
 *
 * @param out standard output
 * @param err standard error
 */
public record Console(PrintStream out, PrintStream err) {

	/**
	 * Prints a line of normal output, prefixed {@code ==> }.
	 * @param message the message
	 */
	public void output(String message) {
		this.out.println("==> " + message);
		this.out.flush();
	}

	/**
	 * Prints an informational line, indented by four spaces.
	 * @param message the message
	 */
	public void info(String message) {
		this.out.println("    " + message);
		this.out.flush();
	}

	/**
	 * Prints an error, prefixed {@code ==> }.
	 * @param message the message
	 */
	public void error(String message) {
		this.err.println("==> " + message);
		this.err.flush();
	}

	/**
	 * Prints a line on standard error as it is.
	 * @param message the line
	 */
	public void errorLine(String message) {
		this.err.println(message);
		this.err.flush();
	}

}
