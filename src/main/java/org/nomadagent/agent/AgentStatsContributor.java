package org.nomadagent.agent;

import java.util.Map;

/**
 * A section of the {@code stats} object of {@code GET /v1/agent/self}: a name and string values,
 * as Nomad shows them. Each subsystem that exists contributes its own section; sections of
 * subsystems that are not built are absent rather than invented.
 */
public interface AgentStatsContributor {

	/**
	 * Returns the section's name ({@code runtime}, {@code nomad}, {@code vault}, ...).
	 */
	String section();

	/**
	 * Returns the section's values, every one a string.
	 */
	Map<String, String> stats();

}
