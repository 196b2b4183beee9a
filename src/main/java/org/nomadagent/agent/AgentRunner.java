package org.nomadagent.agent;

import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

import org.nomadagent.cli.AgentLauncher;
import org.nomadagent.cli.Console;
import org.nomadagent.config.AgentAddresses;
import org.nomadagent.config.AgentAddresses.AddressException;
import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.AgentConfigReader.Outcome;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the agent as {@code nomad agent} does: prints {@code Starting Nomad agent...}, starts
 * every component, prints the configuration banner, then waits for signals until the agent
 * stops, and returns the exit code (reference §5.5, §12).
 */
public final class AgentRunner implements AgentLauncher {

	@Override
	public int run(Outcome outcome, Supplier<Outcome> reload, Console console) {
		AgentConfig config = outcome.config();
		console.output("Starting Nomad agent...");
		AgentIdentity identity;
		try {
			identity = AgentIdentity.of(config, new AgentAddresses(config.layer()));
		}
		catch (AddressException ex) {
			console.error("Error starting agent: " + ex.getMessage());
			return 1;
		}
		LiveAgentConfig live = new LiveAgentConfig(config);
		// Installed before the context starts, so that a signal during start-up is not lost to
		// the JVM's default handling.
		BlockingQueue<String> signals = AgentSignals.installHandlers(console);
		ConfigurableApplicationContext context;
		try {
			context = AgentContextFactory.start(live, identity);
		}
		catch (RuntimeException ex) {
			console.error(StartupFailures.describe(ex));
			return 1;
		}
		AgentBanner.print(config, console);
		console.output("Nomad agent started! Log data will stream in below:");
		console.out().println();
		return new AgentSignals(context, live, reload, console, signals).awaitShutdown();
	}

}
