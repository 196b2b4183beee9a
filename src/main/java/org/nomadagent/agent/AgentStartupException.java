package org.nomadagent.agent;

/**
 * A component that cannot start, with the one-line message the agent prints and exits with
 * (Nomad's wording, such as {@code Error starting agent: server setup failed: Failed to setup
 * Vault client: Vault token must be set}). Throw it from a bean's creation or start; the agent
 * prints {@code ==> <message>} without a stack trace and exits 1.
 */
public class AgentStartupException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message the complete message, as the user sees it
	 * @param cause the underlying error, or {@code null}
	 */
	public AgentStartupException(String message, Throwable cause) {
		super(message, cause);
	}

}
