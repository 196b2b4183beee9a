package org.nomadagent.agent;

import org.nomadagent.cli.Console;
import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.AgentVersion;
import org.nomadagent.config.ConfigLayer;

/**
 * The configuration summary Nomad prints once the agent has started (reference §5.5).
 */
final class AgentBanner {

	private AgentBanner() {
	}

	static void print(AgentConfig config, Console console) {
		ConfigLayer layer = config.layer();
		String atlas = layer.text("atlas.infrastructure").isEmpty() ? "<disabled>"
				: "(Infrastructure: '" + layer.text("atlas.infrastructure") + "' Join: " + layer.bool("atlas.join")
						+ ")";
		console.output("Nomad agent configuration:");
		console.out().println();
		line(console, "Atlas", atlas);
		line(console, "Client", Boolean.toString(config.clientEnabled()));
		line(console, "Log Level", layer.text("log_level"));
		line(console, "Region", layer.text("region") + " (DC: " + layer.text("datacenter") + ")");
		line(console, "Server", Boolean.toString(config.serverEnabled()));
		line(console, "Version", AgentVersion.current().build());
		if (config.files().isEmpty()) {
			console.out().println();
			console.info("No configuration files loaded");
		}
		else {
			console.out().println();
			console.info("Loaded configuration from " + String.join(", ", config.files()));
		}
		console.out().println();
	}

	private static void line(Console console, String key, String value) {
		console.out().printf("%22s: %s%n", key, value);
	}

}
