package org.nomadagent.telemetry;

/**
 * A Circonus request or check lookup that failed, worded as {@code circonus-gometrics} words it
 * where it has words.
 */
final class CirconusException extends Exception {

	CirconusException(String message) {
		super(message);
	}

	CirconusException(String message, Throwable cause) {
		super(message, cause);
	}

}
