package org.nomadagent.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites {@code nomad agent} arguments written with Go's {@code flag} syntax into the
 * {@code -name=value} form the command-line parser is given, applying Go's rules: {@code -x} and
 * {@code --x} are the same flag; a boolean flag takes a value only after {@code =}; any other
 * flag takes the next argument as its value even when it starts with a dash; parsing stops at
 * the first argument that is not a flag, or after {@code --}.
 *
 * @param tokens the flags, each as {@code -name=value}
 * @param positional the arguments after the flags (Nomad v0.5 ignored them silently; this agent
 * refuses them)
 * @param help whether {@code -h} or {@code -help} was given
 */
record GoFlagArguments(List<String> tokens, List<String> positional, boolean help) {

	/**
	 * Rewrites the arguments.
	 * @param args the arguments after the command name
	 * @return the rewritten arguments
	 * @throws FlagException for an unknown flag or a flag missing its value, worded as Go's
	 * {@code flag} package words it
	 */
	static GoFlagArguments parse(List<String> args) throws FlagException {
		List<String> tokens = new ArrayList<>();
		boolean help = false;
		int i = 0;
		while (i < args.size()) {
			String arg = args.get(i);
			if (arg.length() < 2 || arg.charAt(0) != '-') {
				break;
			}
			i++;
			if (arg.equals("--")) {
				break;
			}
			String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
			if (body.isEmpty() || body.startsWith("-") || body.startsWith("=")) {
				throw new FlagException("bad flag syntax: " + arg);
			}
			int equals = body.indexOf('=');
			String name = (equals < 0) ? body : body.substring(0, equals);
			AgentFlag flag = AgentFlag.named(name);
			if (flag == null) {
				if (name.equals("h") || name.equals("help")) {
					help = true;
					continue;
				}
				throw new FlagException("flag provided but not defined: -" + name);
			}
			String value;
			if (equals >= 0) {
				value = body.substring(equals + 1);
			}
			else if (flag.isBoolean()) {
				value = "true";
			}
			else if (i < args.size()) {
				value = args.get(i++);
			}
			else {
				throw new FlagException("flag needs an argument: -" + name);
			}
			tokens.add("-" + name + "=" + value);
		}
		return new GoFlagArguments(tokens, List.copyOf(args.subList(i, args.size())), help);
	}

	/**
	 * A command line that Go's {@code flag} package would refuse.
	 */
	static final class FlagException extends Exception {

		FlagException(String message) {
			super(message);
		}

	}

}
