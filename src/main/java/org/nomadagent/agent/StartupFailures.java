package org.nomadagent.agent;

import java.net.BindException;

import org.springframework.boot.web.server.PortInUseException;

/**
 * Words a failure to start as one line in Nomad's manner, instead of a stack trace.
 */
final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * Returns the one-line description of a start-up failure.
	 * @param failure what the application threw
	 * @return the description
	 */
	static String describe(Throwable failure) {
		AgentStartupException component = find(failure, AgentStartupException.class);
		if (component != null) {
			return component.getMessage();
		}
		PortInUseException portInUse = find(failure, PortInUseException.class);
		if (portInUse != null) {
			return "Error starting http server: failed to start HTTP listener: listen tcp :" + portInUse.getPort()
					+ ": bind: address already in use";
		}
		BindException bind = find(failure, BindException.class);
		if (bind != null) {
			return "Error starting http server: failed to start HTTP listener: " + bind.getMessage();
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return "Error starting agent: " + message;
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

}
