package org.nomadagent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.nomadagent.config.GoDuration.InvalidDurationException;

/**
 * The checks Nomad v0.5's {@code readConfig} makes on the merged configuration, in its order and
 * words (reference §5.4), and the log-level and syslog checks its {@code Run} makes before the
 * agent starts. Nomad stops at the first failing check; here every check runs, so all problems
 * are reported together.
 */
public final class AgentConfigValidator {

	/** The log levels Nomad accepts, in increasing severity. */
	public static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERR");

	/** The syslog facilities Nomad accepts (case-insensitive). */
	public static final Set<String> SYSLOG_FACILITIES = Set.of("KERN", "USER", "MAIL", "DAEMON", "AUTH", "SYSLOG",
			"LPR", "NEWS", "UUCP", "CRON", "AUTHPRIV", "FTP", "LOCAL0", "LOCAL1", "LOCAL2", "LOCAL3", "LOCAL4",
			"LOCAL5", "LOCAL6", "LOCAL7");

	private AgentConfigValidator() {
	}

	/**
	 * Runs {@code readConfig}'s checks. Nomad skips them in dev mode, and so does this method.
	 * @param config the effective configuration
	 * @param validation where problems and warnings go
	 */
	static void checkReadConfig(AgentConfig config, Validation validation) {
		if (config.devMode()) {
			return;
		}
		ConfigLayer layer = config.layer();
		String encrypt = layer.text("server.encrypt");
		if (!encrypt.isEmpty()) {
			String error = base64Error(encrypt);
			if (error != null) {
				validation.reject("server.encrypt", "Invalid encryption key: " + error);
			}
			else if (Files.exists(Path.of(layer.text("data_dir"), "server", "serf.keyring"))) {
				validation.warn("WARNING: keyring exists but -encrypt given, using keyring");
			}
		}
		try {
			GoDuration.parse(layer.text("server.retry_interval"));
		}
		catch (InvalidDurationException ex) {
			validation.reject("server.retry_interval", "Error parsing retry interval: " + ex.getMessage());
		}
		if (!config.serverEnabled() && !config.clientEnabled()) {
			validation.reject(null, "Must specify either server, client or dev mode for the agent.");
		}
		for (String[] dir : new String[][] { { "data_dir", "data-dir" }, { "client.alloc_dir", "alloc-dir" },
				{ "client.state_dir", "state-dir" } }) {
			String value = layer.text(dir[0]);
			if (!value.isEmpty() && !Path.of(value).isAbsolute()) {
				validation.reject(dir[0], dir[1] + " must be given as an absolute path: got " + value);
			}
		}
		if (config.serverEnabled() && layer.text("data_dir").isEmpty()) {
			validation.reject("server.enabled", "Must specify data directory");
		}
		if (config.clientEnabled() && layer.text("data_dir").isEmpty()
				&& (layer.text("client.alloc_dir").isEmpty() || layer.text("client.state_dir").isEmpty())) {
			validation.reject("client.enabled", "Must specify both the state and alloc dir if data-dir is omitted.");
		}
		long bootstrapExpect = layer.integer("server.bootstrap_expect");
		if (bootstrapExpect > 0 && !config.serverEnabled()) {
			validation.reject("server.bootstrap_expect", "Bootstrap requires server mode to be enabled");
		}
		if (bootstrapExpect == 1) {
			validation.warn("WARNING: Bootstrap mode enabled! Potentially unsafe operation.");
		}
	}

	/**
	 * Runs the checks of Nomad's {@code Run} that precede the agent's start: the log level and,
	 * with {@code enable_syslog}, the syslog facility. They apply in dev mode too.
	 * @param config the effective configuration
	 * @param validation where problems go
	 */
	static void checkLogging(AgentConfig config, Validation validation) {
		ConfigLayer layer = config.layer();
		String level = layer.text("log_level").toUpperCase(Locale.ROOT);
		if (!LOG_LEVELS.contains(level)) {
			validation.reject("log_level", "Invalid log level: " + level + ". Valid log levels are: ["
					+ String.join(" ", LOG_LEVELS) + "]");
		}
		if (layer.bool("enable_syslog")) {
			String facility = layer.text("syslog_facility");
			if (!SYSLOG_FACILITIES.contains(facility.toUpperCase(Locale.ROOT))) {
				validation.reject("syslog_facility", "Syslog setup failed: invalid syslog facility: " + facility);
			}
		}
	}

	/**
	 * Returns Go's error for text that is not standard, padded base64, or {@code null} when it
	 * decodes.
	 */
	static String base64Error(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
					|| c == '/' || c == '=' || c == '\r' || c == '\n';
			if (!valid) {
				return "illegal base64 data at input byte " + i;
			}
		}
		try {
			Base64.getMimeDecoder().decode(text);
			if (text.replace("\r", "").replace("\n", "").length() % 4 != 0) {
				return "illegal base64 data at input byte " + text.length();
			}
			return null;
		}
		catch (IllegalArgumentException ex) {
			return "illegal base64 data at input byte " + text.length();
		}
	}

}
