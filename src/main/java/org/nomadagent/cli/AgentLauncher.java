package org.nomadagent.cli;

import java.util.function.Supplier;

import org.nomadagent.config.AgentConfigReader.Outcome;

/**
 * Starts the agent once its configuration is valid, and runs it until it stops.
 */
@FunctionalInterface
public interface AgentLauncher {

	/**
	 * Runs the agent.
	 * @param outcome the validated configuration
	 * @param reload reads the configuration again, with the same files and flags (for SIGHUP)
	 * @param console where to print
	 * @return the process exit code
	 */
	int run(Outcome outcome, Supplier<Outcome> reload, Console console);

}
