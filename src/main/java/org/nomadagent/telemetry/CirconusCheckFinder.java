package org.nomadagent.telemetry;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the check the agent submits to through the Circonus API, or creates it, as
 * {@code circonus-gometrics}' check manager does ({@code initializeTrapURL}): by the check behind
 * {@code circonus_submission_url}, by {@code circonus_check_id}, or by searching for an active
 * {@code httptrap} check bundle whose target is the instance ID and whose tags are the search
 * tags; when the search finds none, an {@code httptrap} check bundle is created on a chosen
 * broker.
 */
final class CirconusCheckFinder {

	private final CirconusApi api;

	private final CirconusBrokers brokers;

	private final CirconusSettings settings;

	private final Supplier<String> secrets;

	private String submissionUrl;

	private int checkId;

	CirconusCheckFinder(CirconusApi api, CirconusBrokers brokers, CirconusSettings settings, Supplier<String> secrets) {
		this.api = api;
		this.brokers = brokers;
		this.settings = settings;
		this.secrets = secrets;
		this.submissionUrl = settings.submissionUrl();
		this.checkId = settings.checkId();
	}

	/**
	 * Finds or creates the check.
	 * @return the check bundle and its broker
	 * @throws CirconusException if the check cannot be found or created
	 * @throws InterruptedException if interrupted
	 */
	Found find() throws CirconusException, InterruptedException {
		JsonNode check = null;
		JsonNode bundle = null;
		JsonNode broker = null;
		if (!this.submissionUrl.isEmpty()) {
			check = checkOfSubmissionUrl();
			requireActive(check);
			// From now on the check is looked up by its ID, so that a check moved to another
			// broker (and so given another submission URL) is still found.
			String cid = check.path("_cid").asString("");
			try {
				this.checkId = Integer.parseInt(cid.replace("/check/", ""));
				this.submissionUrl = "";
			}
			catch (NumberFormatException ex) {
				// Keep looking it up by submission URL.
			}
		}
		else if (this.checkId > 0) {
			check = this.api.get("/check/" + this.checkId);
			requireActive(check);
		}
		else {
			bundle = search();
			if (bundle == null) {
				broker = this.brokers.choose(this.settings.brokerId(), this.settings.brokerSelectTags());
				bundle = this.api.post("/check_bundle", newBundle(broker.path("_cid").asString("")));
			}
		}
		if (bundle == null) {
			bundle = this.api.get(check.path("_check_bundle").asString(""));
		}
		if (broker == null) {
			broker = this.api.get(bundle.path("brokers").path(0).asString(""));
		}
		if (!(bundle instanceof ObjectNode object)) {
			throw new CirconusException("[ERROR] Unable to retrieve, find, or create check");
		}
		return new Found(object, broker);
	}

	/**
	 * Returns the check UUID of a submission URL ({@code .../module/httptrap/<uuid>/<secret>}).
	 * @param submissionUrl the URL
	 * @return the UUID
	 * @throws IllegalArgumentException worded as the library words it
	 */
	static String checkUuid(String submissionUrl) {
		String path = URI.create(submissionUrl).getPath();
		if (path == null || !path.contains("/module/httptrap/")) {
			throw new IllegalArgumentException(
					"[ERROR] Invalid submission URL '" + submissionUrl + "', unrecognized path");
		}
		String[] parts = path.replaceFirst("/module/httptrap/", "").split("/", -1);
		if (parts.length != 2) {
			throw new IllegalArgumentException(
					"[ERROR] Invalid submission URL '" + submissionUrl + "', UUID not where expected");
		}
		return parts[0];
	}

	private JsonNode checkOfSubmissionUrl() throws CirconusException, InterruptedException {
		String uuid = checkUuid(this.submissionUrl);
		JsonNode checks = this.api.get("/check?f__check_uuid=" + uuid);
		if (checks.size() == 0) {
			throw new CirconusException("[ERROR] No checks found with UUID " + uuid);
		}
		JsonNode active = null;
		int count = 0;
		for (JsonNode check : checks) {
			if (check.path("_active").asBoolean(false)) {
				count++;
				active = check;
			}
		}
		if (count > 1) {
			throw new CirconusException("[ERROR] Multiple checks with same UUID " + uuid);
		}
		return (active != null) ? active : checks.path(0);
	}

	private JsonNode search() throws CirconusException, InterruptedException {
		String criteria = "(active:1)(host:\"" + this.settings.instanceId() + "\")(type:\"httptrap\")(tags:"
				+ String.join(",", this.settings.searchTags()) + ")";
		JsonNode bundles;
		try {
			bundles = this.api.get("/check_bundle?search=" + criteria);
		}
		catch (CirconusException ex) {
			throw new CirconusException("[ERROR] API call error " + ex.getMessage(), ex);
		}
		if (bundles.size() == 0) {
			return null;
		}
		JsonNode active = null;
		int count = 0;
		for (JsonNode bundle : bundles) {
			if ("active".equals(bundle.path("status").asString(""))) {
				count++;
				active = bundle;
			}
		}
		if (count > 1) {
			throw new CirconusException(
					"[ERROR] Multiple possibilities multiple check bundles match criteria " + criteria);
		}
		if (active == null) {
			throw new CirconusException("[ERROR] No active check bundle matches criteria " + criteria);
		}
		return active;
	}

	private static void requireActive(JsonNode check) throws CirconusException {
		if (!check.path("_active").asBoolean(false)) {
			throw new CirconusException("[ERROR] Check ID " + check.path("_cid").asString("") + " is not active");
		}
	}

	/**
	 * The body the library posts to create a check bundle, its fields in the library's order.
	 */
	private ObjectNode newBundle(String brokerCid) {
		ObjectNode bundle = CirconusApi.JSON.createObjectNode();
		bundle.putNull("_reverse_connection_urls");
		bundle.putArray("brokers").add(brokerCid);
		ObjectNode config = bundle.putObject("config");
		config.put("async_metrics", true);
		config.put("secret", this.secrets.get());
		config.put("submission_url", "");
		config.put("reverse:secret_key", "");
		bundle.put("display_name", this.settings.instanceId() + " /cgm");
		bundle.putArray("metrics");
		bundle.put("metric_limit", 0);
		bundle.put("notes", "");
		bundle.put("period", 60);
		bundle.put("status", "active");
		ArrayNode tags = bundle.putArray("tags");
		this.settings.searchTags().forEach(tags::add);
		bundle.put("target", this.settings.instanceId());
		bundle.put("timeout", 10);
		bundle.put("type", "httptrap");
		return bundle;
	}

	/**
	 * Makes the secret of a new check as the library does: 16 random hexadecimal digits.
	 */
	static String newSecret() {
		byte[] random = new byte[8];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	/**
	 * A check bundle and its broker.
	 *
	 * @param bundle the check bundle, as the API describes it
	 * @param broker the broker, as the API describes it
	 */
	record Found(ObjectNode bundle, JsonNode broker) {
	}

}
