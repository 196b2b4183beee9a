package org.nomadagent.telemetry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * Chooses the broker a new check is created on, as {@code circonus-gometrics} does: the broker
 * of {@code circonus_broker_id}, or one picked at random among the brokers with
 * {@code circonus_broker_select_tag}'s tags (all brokers without it), enterprise brokers first.
 * A broker is usable when one of its instances is active, runs the {@code httptrap} module and
 * accepts a connection on its port 43191 within half a second (port 443 of
 * {@code trap.noit.circonus.net}, the public broker, will do as well).
 */
final class CirconusBrokers {

	/** The broker port the library checks. */
	static final int BROKER_PORT = 43191;

	/** The library's {@code defaultBrokerMaxResponseTime}. */
	static final Duration MAX_RESPONSE_TIME = Duration.ofMillis(500);

	private static final String PUBLIC_BROKER = "trap.noit.circonus.net";

	private final CirconusApi api;

	private final int brokerPort;

	private final Random random;

	CirconusBrokers(CirconusApi api, int brokerPort, Random random) {
		this.api = api;
		this.brokerPort = brokerPort;
		this.random = random;
	}

	/**
	 * Chooses a broker.
	 * @param brokerId the designated broker, or 0
	 * @param selectTags the tags to select brokers by, or none
	 * @return the broker, as the API describes it
	 * @throws CirconusException when no usable broker exists
	 * @throws InterruptedException if interrupted
	 */
	JsonNode choose(int brokerId, List<String> selectTags) throws CirconusException, InterruptedException {
		if (brokerId != 0) {
			JsonNode broker = this.api.get("/broker/" + brokerId);
			if (!usable(broker)) {
				throw new CirconusException("[ERROR] designated broker " + brokerId + " ["
						+ broker.path("_name").asString("") + "] is invalid (not active, does not support required "
						+ "check type, or connectivity issue)");
			}
			return broker;
		}
		try {
			return select(selectTags);
		}
		catch (CirconusException ex) {
			throw new CirconusException("[ERROR] Unable to fetch suitable broker " + ex.getMessage(), ex);
		}
	}

	private JsonNode select(List<String> selectTags) throws CirconusException, InterruptedException {
		String path = selectTags.isEmpty() ? "/broker" : "/broker?f__tags_has=" + String.join("&f__tags_has=", selectTags);
		JsonNode brokers = this.api.get(path);
		if (brokers.size() == 0) {
			throw new CirconusException("zero brokers found");
		}
		List<JsonNode> usable = new ArrayList<>();
		boolean enterprise = false;
		for (JsonNode broker : brokers) {
			if (usable(broker)) {
				usable.add(broker);
				enterprise |= "enterprise".equals(broker.path("_type").asString(""));
			}
		}
		if (enterprise) {
			usable.removeIf((broker) -> !"enterprise".equals(broker.path("_type").asString("")));
		}
		if (usable.isEmpty()) {
			throw new CirconusException("found " + brokers.size() + " broker(s), zero are valid");
		}
		return usable.get(this.random.nextInt(usable.size()));
	}

	boolean usable(JsonNode broker) {
		for (JsonNode detail : broker.path("_details")) {
			if (!"active".equals(detail.path("status").asString(""))) {
				continue;
			}
			boolean httptrap = false;
			for (JsonNode module : detail.path("modules")) {
				httptrap |= "httptrap".equals(module.asString(""));
			}
			if (!httptrap) {
				continue;
			}
			String cn = detail.path("cn").asString("");
			if (answers(detail.path("ipaddress").asString(""), this.brokerPort)
					|| (PUBLIC_BROKER.equals(cn) && answers(cn, 443))) {
				return true;
			}
		}
		return false;
	}

	private static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) MAX_RESPONSE_TIME.toMillis());
			return true;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

}
