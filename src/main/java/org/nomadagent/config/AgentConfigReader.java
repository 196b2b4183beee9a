package org.nomadagent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the agent's effective configuration as Nomad v0.5's {@code readConfig} does, and
 * validates it: the defaults ({@code -dev} defaults in dev mode), then each {@code -config}
 * path in order, then the command-line flags, then {@code VAULT_TOKEN} when no token is set
 * (reference §5.3). Validation then runs {@code readConfig}'s checks, the logging checks and the
 * checks Nomad makes while starting, and collects every problem.
 */
public final class AgentConfigReader {

	private final Path workingDirectory;

	private final Map<String, String> environment;

	private final String operatingSystem;

	/**
	 * Creates a reader for this process: the current directory, the process environment and the
	 * operating system's name.
	 */
	public AgentConfigReader() {
		this(Path.of("").toAbsolutePath(), System.getenv(), System.getProperty("os.name", ""));
	}

	/**
	 * Creates a reader.
	 * @param workingDirectory the directory relative paths are resolved against
	 * @param environment the environment variables
	 * @param operatingSystem the operating system's name ({@code os.name})
	 */
	public AgentConfigReader(Path workingDirectory, Map<String, String> environment, String operatingSystem) {
		this.workingDirectory = workingDirectory;
		this.environment = environment;
		this.operatingSystem = operatingSystem;
	}

	/**
	 * Reads and validates the configuration.
	 * @param devMode whether {@code -dev} was given
	 * @param configPaths the {@code -config} paths, in order
	 * @param flags the configuration the other flags give
	 * @return the outcome
	 */
	public Outcome read(boolean devMode, List<String> configPaths, ConfigLayer flags) {
		return read(devMode, configPaths, flags, null);
	}

	/**
	 * Reads and validates the configuration, resolving addresses with the given logic.
	 * @param devMode whether {@code -dev} was given
	 * @param configPaths the {@code -config} paths, in order
	 * @param flags the configuration the other flags give
	 * @param addresses creates the address logic for a configuration, or {@code null} for DNS
	 * @return the outcome
	 */
	public Outcome read(boolean devMode, List<String> configPaths, ConfigLayer flags,
			Function<ConfigLayer, AgentAddresses> addresses) {
		ConfigLayer base = devMode ? AgentDefaults.dev(this.operatingSystem) : AgentDefaults.defaults();
		AgentConfigLoader.Result loaded = new AgentConfigLoader(this.workingDirectory).load(configPaths);
		List<String> warnings = new ArrayList<>(loaded.warnings());
		if (!loaded.succeeded()) {
			return new Outcome(null, loaded.failures(), List.of(), warnings);
		}
		ConfigLayer merged = AgentConfigMerger.merge(AgentConfigMerger.merge(base, loaded.layer()), flags);
		merged = withVaultTokenFromEnvironment(merged);
		AgentConfig config = new AgentConfig(merged, devMode);
		Validation validation = new Validation(merged);
		AgentConfigValidator.checkReadConfig(config, validation);
		AgentConfigValidator.checkLogging(config, validation);
		AgentAddresses addressLogic = (addresses != null) ? addresses.apply(merged) : new AgentAddresses(merged);
		AgentStartupChecks.check(config, addressLogic, this.workingDirectory, validation);
		warnings.addAll(validation.warnings());
		return new Outcome(config, List.of(), validation.problems(), warnings);
	}

	/**
	 * Nomad reads {@code VAULT_TOKEN} only when no file or flag set a token, and only outside
	 * dev mode; here dev mode reads it too (docs/compatibility.md, D6).
	 */
	private ConfigLayer withVaultTokenFromEnvironment(ConfigLayer config) {
		String token = this.environment.get("VAULT_TOKEN");
		if (!config.text("vault.token").isEmpty() || token == null || token.isEmpty()) {
			return config;
		}
		return config.toBuilder().set("vault.token", token, ConfigOrigin.environment("VAULT_TOKEN")).build();
	}

	/**
	 * The outcome of reading the configuration.
	 *
	 * @param config the effective configuration, or {@code null} when a file could not be loaded
	 * @param loadFailures the files that could not be loaded, with their mistakes
	 * @param problems the validation problems of the effective configuration
	 * @param warnings warnings to show whatever the outcome
	 */
	public record Outcome(AgentConfig config, List<AgentConfigLoader.Failure> loadFailures,
			List<ConfigProblem> problems, List<String> warnings) {

		/**
		 * Returns whether the configuration loaded and is valid.
		 */
		public boolean succeeded() {
			return this.config != null && this.loadFailures.isEmpty() && this.problems.isEmpty();
		}

	}

}
