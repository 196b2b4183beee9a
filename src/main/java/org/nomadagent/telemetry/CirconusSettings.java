package org.nomadagent.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.nomadagent.config.GoDuration;
import org.nomadagent.config.GoDuration.InvalidDurationException;
import org.nomadagent.config.Secret;
import org.nomadagent.config.hcl.GoStrconv;
import org.nomadagent.config.hcl.GoStrconv.GoSyntaxException;

/**
 * The Circonus options with the defaults Nomad and {@code circonus-gometrics} apply: app
 * {@code nomad}, instance ID {@code <name>:<datacenter>} when {@code name} is set (else the
 * library's {@code <host>:nomad}), search tag {@code service:nomad}, a 10-second submission
 * interval, the API at {@code https://api.circonus.com/v2}.
 *
 * @param interval how often metrics are submitted
 * @param apiToken the API token; when empty, the check is not managed and the submission URL is
 * used as given
 * @param apiApp the app name sent with the token
 * @param apiUrl the API's base URL, without a trailing slash
 * @param submissionUrl the check's submission URL, or {@code ""}
 * @param checkId the ID of the check to use, or 0
 * @param forceMetricActivation whether metrics disabled in the check are enabled again
 * @param instanceId the check's target, used to search for it and to create it
 * @param searchTags the tags used to search for the check and given to a check created
 * @param brokerId the ID of the broker to create the check on, or 0
 * @param brokerSelectTags the tags brokers are selected by, when no broker ID is given
 */
record CirconusSettings(Duration interval, Secret apiToken, String apiApp, URI apiUrl, String submissionUrl,
		int checkId, boolean forceMetricActivation, String instanceId, List<String> searchTags, int brokerId,
		List<String> brokerSelectTags) {

	static final String DEFAULT_API_URL = "https://api.circonus.com/v2";

	/**
	 * Returns whether Circonus is configured: an API token or a submission URL is set.
	 * @param telemetry the telemetry options
	 * @return whether metrics go to Circonus
	 */
	static boolean enabled(TelemetryProperties telemetry) {
		return !telemetry.circonusApiToken().isEmpty() || !telemetry.circonusSubmissionUrl().isEmpty();
	}

	/**
	 * Reads the options, as Nomad's {@code setupTelemetry} and {@code NewCirconusMetrics} do.
	 * @param telemetry the telemetry options
	 * @param nodeName the configured node name, {@code ""} when not set
	 * @param datacenter the datacenter
	 * @param hostName the host name, for the library's default instance ID
	 * @return the settings
	 * @throws IllegalArgumentException worded as the library words it, for start-up
	 */
	static CirconusSettings of(TelemetryProperties telemetry, String nodeName, String datacenter, String hostName) {
		Duration interval = interval(telemetry.circonusSubmissionInterval());
		Secret token = telemetry.circonusApiToken();
		String app = telemetry.circonusApiApp().isEmpty() ? "nomad" : telemetry.circonusApiApp();
		String instanceId = telemetry.circonusCheckInstanceId();
		if (instanceId.isEmpty()) {
			instanceId = (!nodeName.isEmpty() && !datacenter.isEmpty()) ? nodeName + ":" + datacenter
					: hostName + ":nomad";
		}
		String searchTag = telemetry.circonusCheckSearchTag().isEmpty() ? "service:nomad"
				: telemetry.circonusCheckSearchTag();
		String submissionUrl = telemetry.circonusSubmissionUrl();
		if (token.isEmpty()) {
			// Without a token, the library uses the submission URL and nothing else.
			httpUrl("circonus_submission_url", submissionUrl);
			return new CirconusSettings(interval, token, app, null, submissionUrl, 0, false, instanceId,
					tags(searchTag), 0, List.of());
		}
		if (!submissionUrl.isEmpty()) {
			CirconusCheckFinder.checkUuid(submissionUrl);
		}
		boolean force = false;
		if (!telemetry.circonusCheckForceMetricActivation().isEmpty()) {
			try {
				force = GoStrconv.parseBool(telemetry.circonusCheckForceMetricActivation());
			}
			catch (GoSyntaxException ex) {
				throw new IllegalArgumentException(ex.getMessage());
			}
		}
		return new CirconusSettings(interval, token, app, apiUrl(telemetry.circonusApiUrl()), submissionUrl,
				atoi(telemetry.circonusCheckId()), force, instanceId, tags(searchTag),
				atoi(telemetry.circonusBrokerId()),
				telemetry.circonusBrokerSelectTag().isEmpty() ? List.of() : tags(telemetry.circonusBrokerSelectTag()));
	}

	/**
	 * Returns whether the check is found or created through the API and its metrics managed.
	 */
	boolean managesCheck() {
		return !this.apiToken.isEmpty();
	}

	private static Duration interval(String text) {
		if (text.isEmpty()) {
			return Duration.ofSeconds(10);
		}
		Duration interval;
		try {
			interval = GoDuration.parse(text).duration();
		}
		catch (InvalidDurationException ex) {
			throw new IllegalArgumentException(ex.getMessage());
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(
					"circonus_submission_interval " + GoStrconv.quote(text) + ": the interval must be positive");
		}
		return interval;
	}

	/**
	 * Reads the API URL as the library does: a host name alone becomes {@code https://<host>/v2}.
	 */
	private static URI apiUrl(String text) {
		String url = text.isEmpty() ? DEFAULT_API_URL : text;
		if (!url.contains("/")) {
			url = "https://" + url + "/v2";
		}
		if (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return httpUrl("circonus_api_url", url);
	}

	static URI httpUrl(String option, String text) {
		try {
			URI uri = new URI(text);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException(option + " " + GoStrconv.quote(text) + ": not an http or https URL");
	}

	/**
	 * Splits tags as the library does: spaces removed, then split at commas.
	 */
	static List<String> tags(String text) {
		return List.copyOf(Arrays.asList(text.replace(" ", "").split(",", -1)));
	}

	/**
	 * Parses an ID as Go's {@code strconv.Atoi} does; empty is 0.
	 */
	static int atoi(String text) {
		if (text.isEmpty()) {
			return 0;
		}
		if (!text.matches("[+-]?[0-9]+")) {
			throw new IllegalArgumentException("strconv.Atoi: parsing " + GoStrconv.quote(text) + ": invalid syntax");
		}
		try {
			return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"strconv.Atoi: parsing " + GoStrconv.quote(text) + ": value out of range");
		}
	}

	@Override
	public String toString() {
		return "CirconusSettings[interval=" + this.interval + ", apiUrl=" + this.apiUrl + ", instanceId="
				+ this.instanceId + ", managed=" + managesCheck() + "]";
	}

}
