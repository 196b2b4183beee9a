package org.nomadagent.consul;

import java.util.List;

/**
 * A search of Consul's catalog for Nomad servers that failed or found nothing, worded as Nomad
 * words it.
 */
public class ConsulDiscoveryException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param cause the underlying error, or {@code null}
	 */
	public ConsulDiscoveryException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates the exception for several errors, in the form of Go's {@code multierror}:
	 * {@code 2 error(s) occurred:\n\n* first\n* second}.
	 * @param errors the errors
	 * @return the exception
	 */
	static ConsulDiscoveryException of(List<String> errors) {
		return new ConsulDiscoveryException(
				errors.size() + " error(s) occurred:\n\n* " + String.join("\n* ", errors), null);
	}

}
