package org.nomadagent.telemetry;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Circonus check the agent submits to, and which of its metrics are active. Without an API
 * token the check is the submission URL as given and every metric is sent. With one, the check is
 * found or created through the API ({@link CirconusCheckFinder}); a metric the check does not list
 * yet is sent and added to the check bundle, a metric disabled in Circonus is not sent unless
 * {@code circonus_check_force_metric_activation} is set; and a submission that keeps failing
 * makes the check be looked up again once its URL is a minute old (the broker may have moved).
 */
final class CirconusCheck {

	/** The library's {@code defaultTrapMaxURLAge}. */
	static final Duration MAX_URL_AGE = Duration.ofSeconds(60);

	private final CirconusSettings settings;

	private final CirconusApi api;

	private final CirconusCheckFinder finder;

	private final TelemetryTimings timings;

	private final Clock clock;

	private ObjectNode bundle;

	private Map<String, Boolean> metrics = Map.of();

	private CirconusTrap trap;

	private Instant trapUpdated = Instant.MIN;

	/**
	 * Creates the check of the settings; with an API token, {@code api} and {@code finder} are
	 * needed.
	 */
	CirconusCheck(CirconusSettings settings, CirconusApi api, CirconusCheckFinder finder, TelemetryTimings timings,
			Clock clock) {
		this.settings = settings;
		this.api = api;
		this.finder = finder;
		this.timings = timings;
		this.clock = clock;
	}

	/**
	 * Creates the check of the settings, with the API client, broker choice and check lookup it
	 * needs when an API token is set.
	 * @param settings the settings
	 * @param timings the periods (retry waits)
	 * @param brokerPort the port a broker must answer on to be chosen
	 * @param secrets makes the secret of a check created
	 * @return the check
	 */
	static CirconusCheck create(CirconusSettings settings, TelemetryTimings timings, int brokerPort,
			Supplier<String> secrets) {
		if (!settings.managesCheck()) {
			return new CirconusCheck(settings, null, null, timings, Clock.systemUTC());
		}
		CirconusHttp http = new CirconusHttp(HttpClient.newBuilder().connectTimeout(CirconusHttp.TIMEOUT).build(), 4,
				timings.retry(), timings.retry().multipliedBy(15), true);
		CirconusApi api = new CirconusApi(settings.apiUrl(), settings.apiToken(), settings.apiApp(), http);
		CirconusBrokers brokers = new CirconusBrokers(api, brokerPort, new Random());
		return new CirconusCheck(settings, api, new CirconusCheckFinder(api, brokers, settings, secrets), timings,
				Clock.systemUTC());
	}

	/**
	 * Returns the submission URL, finding the check first if needed.
	 * @return the trap
	 * @throws CirconusException if the check cannot be found or created
	 * @throws InterruptedException if interrupted
	 */
	CirconusTrap trap() throws CirconusException, InterruptedException {
		if (this.trap == null) {
			this.trap = this.settings.managesCheck() ? findTrap() : givenTrap();
			this.trapUpdated = this.clock.instant();
		}
		return this.trap;
	}

	/**
	 * Returns whether a metric is active in the check (never, without an API token).
	 */
	boolean active(String name) {
		return this.metrics.getOrDefault(name, false);
	}

	/**
	 * Returns whether a metric that is not active is to be sent and activated: when the check
	 * does not list it, or lists it disabled and activation is forced.
	 */
	boolean activates(String name) {
		Boolean known = this.metrics.get(name);
		return known == null || (!known && this.settings.forceMetricActivation());
	}

	/**
	 * Adds metrics to the check bundle, active, and updates it through the API; does nothing
	 * without an API token or new metrics.
	 * @param added the metrics' names and types ({@code numeric}, {@code histogram})
	 * @throws CirconusException if the update fails (the metrics are tried again next time)
	 * @throws InterruptedException if interrupted
	 */
	void activate(Map<String, String> added) throws CirconusException, InterruptedException {
		if (!this.settings.managesCheck() || this.bundle == null || added.isEmpty()) {
			return;
		}
		ObjectNode updated = this.bundle.deepCopy();
		ArrayNode list = updated.has("metrics") && updated.get("metrics").isArray() ? (ArrayNode) updated.get("metrics")
				: updated.putArray("metrics");
		Map<String, String> remaining = new HashMap<>(added);
		for (JsonNode metric : list) {
			if (metric instanceof ObjectNode object && remaining.remove(object.path("name").asString("")) != null) {
				object.put("status", "active");
			}
		}
		remaining.forEach((name, type) -> {
			ObjectNode metric = list.addObject();
			metric.put("name", name);
			metric.put("type", type);
			metric.put("units", "");
			metric.put("status", "active");
			metric.putNull("tags");
		});
		JsonNode answer = this.api.put(this.bundle.path("_cid").asString(""), updated);
		setBundle((answer instanceof ObjectNode object) ? object : updated);
	}

	/**
	 * Notes a submission that failed after its retries: a managed check is looked up again
	 * if its URL is older than {@link #MAX_URL_AGE}.
	 */
	void submissionFailed() {
		if (this.settings.managesCheck() && Duration.between(this.trapUpdated, this.clock.instant())
			.compareTo(MAX_URL_AGE) >= 0) {
			this.trap = null;
		}
	}

	private CirconusTrap givenTrap() throws CirconusException {
		try {
			return new CirconusTrap(URI.create(this.settings.submissionUrl()), trapHttp(CirconusTrap.client(null, null)));
		}
		catch (GeneralSecurityException ex) {
			throw new CirconusException(ex.getMessage(), ex);
		}
	}

	private CirconusTrap findTrap() throws CirconusException, InterruptedException {
		CirconusCheckFinder.Found found = this.finder.find();
		setBundle(found.bundle());
		URI url = URI.create(submissionUrl(found.bundle()));
		String serverName = brokerName(found.broker(), url);
		String ca = null;
		if ("https".equals(url.getScheme())) {
			ca = caCertificate();
		}
		try {
			return new CirconusTrap(url, trapHttp(CirconusTrap.client(ca, serverName)));
		}
		catch (GeneralSecurityException ex) {
			throw new CirconusException("[ERROR] the Circonus CA certificate cannot be used: " + ex.getMessage(), ex);
		}
	}

	private void setBundle(ObjectNode bundle) {
		this.bundle = bundle;
		Map<String, Boolean> inventory = new HashMap<>();
		for (JsonNode metric : bundle.path("metrics")) {
			inventory.put(metric.path("name").asString(""), "active".equals(metric.path("status").asString("")));
		}
		this.metrics = inventory;
	}

	/**
	 * Returns the submission URL of a check bundle: its {@code submission_url} for an
	 * {@code httptrap} check, else one made from its reverse connection URL, as the library does.
	 */
	private static String submissionUrl(JsonNode bundle) throws CirconusException {
		if ("httptrap".equals(bundle.path("type").asString(""))) {
			return bundle.path("config").path("submission_url").asString("");
		}
		JsonNode reverse = bundle.path("_reverse_connection_urls").path(0);
		if (reverse.isMissingNode() || reverse.isNull()) {
			throw new CirconusException(bundle.path("_checks").path(0).asString("")
					+ " is not an HTTPTRAP check and no reverse connection urls found");
		}
		String url = reverse.asString("").replaceFirst("mtev_reverse", "https").replaceFirst("check", "module/httptrap");
		return url + "/" + bundle.path("config").path("reverse:secret_key").asString("");
	}

	/**
	 * Returns the name the broker's certificate is checked against when the URL names the
	 * broker by IP address: the certificate name of the broker instance with that address.
	 */
	private static String brokerName(JsonNode broker, URI url) throws CirconusException {
		String host = url.getHost();
		if (host == null || !isIpAddress(host)) {
			return null;
		}
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		for (JsonNode detail : broker.path("_details")) {
			if (bare.equals(detail.path("ipaddress").asString(""))) {
				return detail.path("cn").asString("");
			}
		}
		throw new CirconusException("[ERROR] Unable to match URL host (" + url.getRawAuthority() + ") to Broker");
	}

	private static boolean isIpAddress(String host) {
		if (host.startsWith("[")) {
			return true;
		}
		if (!host.matches("[0-9.]+")) {
			return false;
		}
		try {
			InetAddress.getByName(host);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Returns the Circonus CA the API hands out, or {@code null} (the JVM's trusted CAs) when it
	 * cannot be fetched; the library falls back to the CA it embeds, which expired in 2019.
	 */
	private String caCertificate() throws InterruptedException {
		try {
			String contents = this.api.get("/pki/ca.crt").path("contents").asString("");
			return contents.isEmpty() ? null : contents;
		}
		catch (CirconusException ex) {
			return null;
		}
	}

	private CirconusHttp trapHttp(HttpClient client) {
		return new CirconusHttp(client, 3, this.timings.retry(), this.timings.retry().multipliedBy(5), false);
	}

}
