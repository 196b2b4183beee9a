package org.nomadagent.config;

/**
 * One mistake in the agent configuration: what is wrong, and where.
 *
 * @param origin where the offending value or key is; {@code null} when the mistake is not tied
 * to one place (for example "Must specify either server, client or dev mode for the agent.")
 * @param message what is wrong, in one sentence; Nomad's own wording where Nomad has one
 */
public record ConfigProblem(ConfigOrigin origin, String message) {

	/**
	 * Returns the problem as one line: {@code file:line:column: message} when the place is
	 * known, the message alone otherwise.
	 */
	@Override
	public String toString() {
		if (this.origin != null && this.origin.hasPosition()) {
			return this.origin + ": " + this.message;
		}
		return this.message;
	}

}
