package org.nomadagent;

import org.nomadagent.agent.AgentRunner;
import org.nomadagent.cli.Console;
import org.nomadagent.cli.NomadAgentCli;
import org.nomadagent.config.AgentConfigReader;

/**
 * The {@code nomad-agent} process: runs the command line and exits with its exit code.
 */
public final class NomadAgentApplication {

	private NomadAgentApplication() {
	}

	/**
	 * Runs {@code nomad-agent}.
	 * @param args the command and its flags, as for {@code nomad}
	 */
	public static void main(String[] args) {
		Console console = new Console(System.out, System.err);
		int exitCode = new NomadAgentCli(console, new AgentConfigReader(), new AgentRunner()).run(args);
		System.exit(exitCode);
	}

}
