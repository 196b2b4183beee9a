package org.nomadagent.cli;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.nomadagent.config.AgentConfigReader;
import org.nomadagent.config.AgentConfigReader.Outcome;
import org.nomadagent.config.AgentConfigView;
import org.nomadagent.config.AgentVersion;
import org.nomadagent.config.JsonText;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The {@code nomad-agent} command line: {@code agent}, {@code config validate},
 * {@code config show}, {@code keygen} and {@code version}. Flags follow Go's {@code flag} rules
 * as {@code nomad agent} does; every failure exits with code 1, as in Nomad.
 */
public final class NomadAgentCli {

	private static final String USAGE = """
			Usage: nomad-agent <command> [args]

			Commands:
			    agent              Runs a Nomad agent
			    config validate    Checks the agent configuration given by the agent flags
			    config show        Prints the effective agent configuration as /v1/agent/self shows it
			    keygen             Generates a new gossip encryption key
			    version            Prints the nomad-agent version

			Run 'nomad-agent agent -h' for the agent flags.
			""";

	private final Console console;

	private final AgentConfigReader reader;

	private final AgentLauncher launcher;

	/**
	 * Creates the command line.
	 * @param console where to print
	 * @param reader reads the agent configuration
	 * @param launcher runs the agent
	 */
	public NomadAgentCli(Console console, AgentConfigReader reader, AgentLauncher launcher) {
		this.console = console;
		this.reader = reader;
		this.launcher = launcher;
	}

	/**
	 * Runs a command.
	 * @param args the process arguments
	 * @return the process exit code
	 */
	public int run(String... args) {
		if (args.length == 0) {
			this.console.err().print(USAGE);
			return 1;
		}
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		return switch (args[0]) {
			case "agent" -> withAgentFlags(Mode.AGENT, rest);
			case "config" -> config(rest);
			case "keygen" -> keygen();
			case "version", "-v", "-version", "--version" -> version();
			case "-h", "-help", "--help", "help" -> {
				this.console.out().print(USAGE);
				yield 0;
			}
			default -> {
				this.console.error("Unknown command: " + args[0]);
				this.console.err().print(USAGE);
				yield 1;
			}
		};
	}

	private int config(List<String> args) {
		if (!args.isEmpty() && args.get(0).equals("validate")) {
			return withAgentFlags(Mode.VALIDATE, args.subList(1, args.size()));
		}
		if (!args.isEmpty() && args.get(0).equals("show")) {
			return withAgentFlags(Mode.SHOW, args.subList(1, args.size()));
		}
		this.console.error("Usage: nomad-agent config validate|show [agent flags]");
		return 1;
	}

	private int withAgentFlags(Mode mode, List<String> args) {
		AgentFlags.Values values;
		try {
			GoFlagArguments parsed = GoFlagArguments.parse(args);
			if (parsed.help()) {
				this.console.err().print(AgentHelp.text(mode.usage, mode.summary));
				return 1;
			}
			if (!parsed.positional().isEmpty()) {
				this.console.error("Unexpected argument \"" + parsed.positional().get(0)
						+ "\": the command takes flags only, and flags must come first (Nomad ignored such "
						+ "arguments and the flags after them)");
				return 1;
			}
			ParseResult result = AgentFlags.parser(mode.command).parseArgs(parsed.tokens().toArray(String[]::new));
			values = AgentFlags.read(result);
		}
		catch (GoFlagArguments.FlagException | CommandLine.ParameterException ex) {
			this.console.error(ex.getMessage());
			this.console.err().print(AgentHelp.text(mode.usage, mode.summary));
			return 1;
		}
		AgentFlags.Values flags = values;
		Supplier<Outcome> read = () -> this.reader.read(flags.dev(), flags.configPaths(), flags.layer());
		Outcome outcome = read.get();
		ConfigReport.print(outcome, this.console);
		if (!outcome.succeeded()) {
			return 1;
		}
		if (mode != Mode.AGENT) {
			// The agent's start makes these checks itself, in the same words.
			List<String> featureProblems = FeatureChecks.run(outcome.config());
			featureProblems.forEach(this.console::error);
			if (!featureProblems.isEmpty()) {
				return 1;
			}
		}
		return switch (mode) {
			case VALIDATE -> {
				List<String> files = outcome.config().files();
				this.console.out().println("Configuration is valid"
						+ (files.isEmpty() ? " (no configuration files loaded)" : ": " + String.join(", ", files)));
				yield 0;
			}
			case SHOW -> {
				this.console.out().print(JsonText.pretty(AgentConfigView.of(outcome.config(), AgentVersion.current()),
						"  "));
				yield 0;
			}
			case AGENT -> this.launcher.run(outcome, read, this.console);
		};
	}

	private int keygen() {
		// Nomad v0.5's keygen: 16 random bytes, standard base64.
		byte[] key = new byte[16];
		new SecureRandom().nextBytes(key);
		this.console.out().println(Base64.getEncoder().encodeToString(key));
		return 0;
	}

	private int version() {
		this.console.out().println("nomad-agent " + AgentVersion.current() + " (the Nomad v"
				+ AgentVersion.NOMAD_VERSION + " agent)");
		return 0;
	}

	private enum Mode {

		AGENT("agent", "nomad-agent agent [options]",
				"Starts the Nomad agent and runs until an interrupt is received. The agent may be a client "
						+ "and/or a server."),

		VALIDATE("config validate", "nomad-agent config validate [agent options]",
				"Checks the configuration the agent would start with, as the agent checks it at start-up, "
						+ "and reports every mistake at once, each with its file, line and column."),

		SHOW("config show", "nomad-agent config show [agent options]",
				"Prints the effective configuration the agent would start with, as GET /v1/agent/self shows "
						+ "it under \"config\" (secrets redacted).");

		private final String command;

		private final String usage;

		private final String summary;

		Mode(String command, String usage, String summary) {
			this.command = command;
			this.usage = usage;
			this.summary = summary;
		}

	}

}
