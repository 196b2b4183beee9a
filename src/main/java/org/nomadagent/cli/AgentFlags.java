package org.nomadagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nomadagent.config.AgentConfigSchema;
import org.nomadagent.config.ConfigField;
import org.nomadagent.config.ConfigLayer;
import org.nomadagent.config.ConfigOrigin;
import org.nomadagent.config.Setting;
import org.nomadagent.config.hcl.GoStrconv;
import org.nomadagent.config.hcl.GoStrconv.GoSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The flags of {@code nomad agent}, shared by {@code agent}, {@code config validate} and
 * {@code config show}: how they are declared to the command-line parser, and how the values
 * given become a configuration layer that merges over the files (reference §5.2-5.3).
 */
final class AgentFlags {

	private AgentFlags() {
	}

	/**
	 * Adds every agent flag to a command, each as {@code -name} and {@code --name}.
	 * @param spec the command
	 */
	static void declare(CommandSpec spec) {
		for (AgentFlag flag : AgentFlag.ALL) {
			OptionSpec.Builder option = OptionSpec.builder("-" + flag.name(), "--" + flag.name())
				.paramLabel(flag.placeholder().isEmpty() ? "<bool>" : flag.placeholder())
				.description(flag.help())
				.arity("1");
			if (flag.kind() == AgentFlag.Kind.REPEATED) {
				option.type(List.class).auxiliaryTypes(String.class);
			}
			else {
				option.type(String.class);
			}
			spec.addOption(option.build());
		}
	}

	/**
	 * The values the flags gave.
	 *
	 * @param dev whether {@code -dev} was given (and true)
	 * @param configPaths the {@code -config} paths, in order
	 * @param layer the configuration the other flags set
	 */
	record Values(boolean dev, List<String> configPaths, ConfigLayer layer) {
	}

	/**
	 * Reads the flags of a parse result.
	 * @param result the parse result of the command
	 * @return the values
	 * @throws GoFlagArguments.FlagException for a value Go's {@code flag} package would refuse,
	 * or a {@code -meta} value without {@code =}
	 */
	static Values read(ParseResult result) throws GoFlagArguments.FlagException {
		boolean dev = false;
		List<String> configPaths = new ArrayList<>();
		ConfigLayer.Builder layer = ConfigLayer.builder();
		for (AgentFlag flag : AgentFlag.ALL) {
			OptionSpec option = result.matchedOption("-" + flag.name());
			if (option == null) {
				continue;
			}
			ConfigOrigin origin = ConfigOrigin.flag("-" + flag.name());
			if (flag.name().equals("dev")) {
				dev = bool(flag, option.getValue());
			}
			else if (flag.name().equals("config")) {
				configPaths.addAll(option.<List<String>>getValue());
			}
			else {
				set(layer, flag, option, origin);
			}
		}
		return new Values(dev, configPaths, layer.build());
	}

	private static void set(ConfigLayer.Builder layer, AgentFlag flag, OptionSpec option, ConfigOrigin origin)
			throws GoFlagArguments.FlagException {
		ConfigField field = AgentConfigSchema.field(flag.path());
		switch (flag.kind()) {
			case BOOL, OPTIONAL_BOOL -> layer.set(field, new Setting(bool(flag, option.getValue()), origin));
			case INT -> layer.set(field, new Setting(integer(flag, option.getValue()), origin));
			case STRING -> {
				String value = option.getValue();
				if (flag.name().equals("servers")) {
					// Nomad splits on commas without trimming, and only a non-empty value.
					if (!value.isEmpty()) {
						List<Setting> servers = new ArrayList<>();
						for (String server : value.split(",", -1)) {
							servers.add(new Setting(server, origin));
						}
						layer.setList(field, servers);
					}
				}
				else {
					layer.set(field, new Setting(value, origin));
				}
			}
			case REPEATED -> {
				List<String> values = option.getValue();
				if (flag.name().equals("meta")) {
					layer.setMap(field, meta(values, origin));
				}
				else {
					layer.setList(field, values.stream().map((value) -> new Setting(value, origin)).toList());
				}
			}
		}
	}

	private static Map<String, Setting> meta(List<String> values, ConfigOrigin origin)
			throws GoFlagArguments.FlagException {
		Map<String, Setting> meta = new LinkedHashMap<>();
		for (String value : values) {
			int equals = value.indexOf('=');
			if (equals < 0) {
				throw new GoFlagArguments.FlagException("Error parsing Client.Meta value: " + value);
			}
			meta.put(value.substring(0, equals), new Setting(value.substring(equals + 1), origin));
		}
		return meta;
	}

	private static boolean bool(AgentFlag flag, String value) throws GoFlagArguments.FlagException {
		try {
			return GoStrconv.parseBool(value);
		}
		catch (GoSyntaxException ex) {
			throw new GoFlagArguments.FlagException(
					"invalid boolean value " + GoStrconv.quote(value) + " for -" + flag.name() + ": parse error");
		}
	}

	private static long integer(AgentFlag flag, String value) throws GoFlagArguments.FlagException {
		try {
			return GoStrconv.parseInt(value);
		}
		catch (GoSyntaxException ex) {
			throw new GoFlagArguments.FlagException(
					"invalid value " + GoStrconv.quote(value) + " for flag -" + flag.name() + ": parse error");
		}
	}

	/**
	 * Returns a parser for a command that takes the agent flags.
	 * @param name the command name, for messages
	 * @return the parser
	 */
	static CommandLine parser(String name) {
		CommandSpec spec = CommandSpec.create().name(name);
		declare(spec);
		CommandLine parser = new CommandLine(spec);
		parser.setOverwrittenOptionsAllowed(true);
		parser.setPosixClusteredShortOptionsAllowed(false);
		return parser;
	}

}
