package org.nomadagent.cli;

import java.util.List;

import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.AgentProperties;
import org.nomadagent.config.ConfigLayer;
import org.nomadagent.config.NomadConfigPropertySource;
import org.nomadagent.telemetry.TelemetryOptions;
import org.nomadagent.telemetry.TelemetryProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

/**
 * The start-up checks of features whose options the configuration validation does not cover
 * (the Circonus options, read by the telemetry package), run for {@code config validate} and
 * {@code config show} on the bound properties, without starting anything.
 */
final class FeatureChecks {

	private FeatureChecks() {
	}

	/**
	 * Returns the start-up errors the features would fail with.
	 * @param config the validated configuration
	 * @return the errors, worded as the agent's start words them
	 */
	static List<String> run(AgentConfig config) {
		ConfigLayer layer = config.layer();
		if (layer.text("telemetry.circonus_api_token").isEmpty()
				&& layer.text("telemetry.circonus_submission_url").isEmpty()) {
			return List.of();
		}
		Binder binder = new Binder(ConfigurationPropertySources.from(NomadConfigPropertySource.of(config)));
		TelemetryProperties telemetry = binder.bindOrCreate("nomad.telemetry", TelemetryProperties.class);
		AgentProperties agent = binder.bindOrCreate("nomad", AgentProperties.class);
		return TelemetryOptions.check(telemetry, agent).stream().toList();
	}

}
