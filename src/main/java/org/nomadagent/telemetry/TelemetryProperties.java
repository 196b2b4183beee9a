package org.nomadagent.telemetry;

import org.nomadagent.config.GoDuration;
import org.nomadagent.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code telemetry} options of the agent configuration. Defaults are Nomad v0.5's.
 *
 * @param statsiteAddress Address of a statsite daemon (statsd lines over TCP), as host:port
 * @param statsdAddress Address of a statsd daemon (UDP), as host:port
 * @param datadogAddress Address of a DogStatsD agent (UDP), as host:port
 * @param disableHostname Whether gauge names leave out the host name
 * @param collectionInterval Interval of the client's host and allocation statistics
 * @param publishAllocationMetrics Whether the client publishes allocation metrics
 * @param publishNodeMetrics Whether the client publishes node metrics
 * @param circonusApiToken Circonus API token, used to find or create the check
 * @param circonusApiApp Circonus API application name; "nomad" when empty
 * @param circonusApiUrl Circonus API base URL
 * @param circonusSubmissionInterval Interval of submissions to Circonus
 * @param circonusSubmissionUrl HTTPTRAP submission URL of an existing Circonus check
 * @param circonusCheckId ID of an existing Circonus check
 * @param circonusCheckForceMetricActivation Whether Circonus activates metrics it has disabled
 * @param circonusCheckInstanceId Instance ID of the Circonus check; name:datacenter when empty
 * @param circonusCheckSearchTag Tag used to find the Circonus check; "service:nomad" when empty
 * @param circonusBrokerId ID of the Circonus broker to create the check on
 * @param circonusBrokerSelectTag Tag used to select a Circonus broker
 */
@ConfigurationProperties("nomad.telemetry")
public record TelemetryProperties(@DefaultValue("") String statsiteAddress, @DefaultValue("") String statsdAddress,
		@DefaultValue("") String datadogAddress, boolean disableHostname,
		@DefaultValue("1s") GoDuration collectionInterval, boolean publishAllocationMetrics,
		boolean publishNodeMetrics, @DefaultValue("") Secret circonusApiToken, @DefaultValue("") String circonusApiApp,
		@DefaultValue("") String circonusApiUrl, @DefaultValue("") String circonusSubmissionInterval,
		@DefaultValue("") String circonusSubmissionUrl, @DefaultValue("") String circonusCheckId,
		@DefaultValue("") String circonusCheckForceMetricActivation, @DefaultValue("") String circonusCheckInstanceId,
		@DefaultValue("") String circonusCheckSearchTag, @DefaultValue("") String circonusBrokerId,
		@DefaultValue("") String circonusBrokerSelectTag) {
}
