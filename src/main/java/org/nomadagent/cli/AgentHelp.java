package org.nomadagent.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The help text of {@code nomad-agent agent}, laid out as Nomad's: flags grouped by role, each
 * followed by its description.
 */
final class AgentHelp {

	private static final int WIDTH = 72;

	private AgentHelp() {
	}

	/**
	 * Returns the help of a command that takes the agent flags.
	 * @param usage the usage line, such as {@code nomad-agent agent [options]}
	 * @param summary the paragraph that says what the command does
	 * @return the help text
	 */
	static String text(String usage, String summary) {
		StringBuilder out = new StringBuilder();
		out.append("Usage: ").append(usage).append("\n\n");
		wrap(summary, "  ", out);
		out.append('\n');
		wrap("The configuration comes mainly from the configuration files given with -config, in the "
				+ "format of Nomad's agent configuration; the flags below override them.", "  ", out);
		for (AgentFlag.Group group : AgentFlag.Group.values()) {
			out.append('\n').append(group.title()).append(":\n");
			for (AgentFlag flag : AgentFlag.ALL) {
				if (flag.group() == group) {
					out.append("\n  -").append(flag.name());
					if (!flag.placeholder().isEmpty()) {
						out.append('=').append(flag.placeholder());
					}
					out.append('\n');
					wrap(flag.help(), "    ", out);
				}
			}
		}
		return out.toString();
	}

	private static void wrap(String text, String indent, StringBuilder out) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && indent.length() + line.length() + 1 + word.length() > WIDTH) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		lines.add(line.toString());
		lines.forEach((l) -> out.append(indent).append(l).append('\n'));
	}

}
