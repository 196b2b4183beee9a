package org.nomadagent.telemetry;

import java.util.Optional;

import org.nomadagent.config.AgentProperties;

/**
 * Checks the Circonus options as the agent's start does, without contacting Circonus, so that
 * {@code config validate} reports what the start would refuse. (The sink addresses are checked
 * with the rest of the configuration, by {@code AgentStartupChecks}.)
 */
public final class TelemetryOptions {

	private TelemetryOptions() {
	}

	/**
	 * Checks the Circonus options: the submission interval and URL, the API URL, the check and
	 * broker IDs, and the force-activation flag.
	 * @param telemetry the telemetry options
	 * @param agent the agent options (node name and datacenter, for Circonus' instance ID)
	 * @return the start-up error the agent would fail with, worded as it would
	 */
	public static Optional<String> check(TelemetryProperties telemetry, AgentProperties agent) {
		try {
			if (CirconusSettings.enabled(telemetry)) {
				CirconusSettings.of(telemetry, agent.name(), agent.datacenter(), "localhost");
			}
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("Error initializing telemetry: " + ex.getMessage());
		}
	}

}
