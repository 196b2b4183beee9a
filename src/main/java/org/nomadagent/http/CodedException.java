package org.nomadagent.http;

/**
 * An API error with the HTTP status Nomad answers it with; the message is the plain-text body
 * (Nomad's {@code CodedError}).
 */
public class CodedException extends RuntimeException {

	private final int status;

	/**
	 * Creates an error.
	 * @param status the HTTP status
	 * @param message the body, as Nomad words it
	 */
	public CodedException(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	/**
	 * Returns the HTTP status.
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns the error for a request method the route does not accept: 405 {@code Invalid method}.
	 */
	public static CodedException invalidMethod() {
		return new CodedException(405, "Invalid method");
	}

	/**
	 * Returns the error for a route of a role the agent does not have: 501 {@code Invalid method}.
	 */
	public static CodedException notImplemented() {
		return new CodedException(501, "Invalid method");
	}

}
