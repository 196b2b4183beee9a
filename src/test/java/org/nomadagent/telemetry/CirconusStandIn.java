package org.nomadagent.telemetry;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import org.nomadagent.testing.StandInServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the Circonus API (under {@code /v2}) and a broker's HTTPTRAP endpoint (under
 * {@code /module/httptrap/}) on a random loopback port. It keeps checks, check bundles and
 * brokers, answers searches the way the API does, creates and updates check bundles, checks the
 * API token and app name, and records every request.
 */
final class CirconusStandIn implements AutoCloseable {

	static final String TOKEN = "circonus-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CRITERION = Pattern.compile("\\((\\w+):([^)]*)\\)");

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<Integer, ObjectNode> bundles = new TreeMap<>();

	private final Map<Integer, ObjectNode> brokers = new TreeMap<>();

	private String caCertificate;

	private String trapBase;

	private int trapStatus = 200;

	CirconusStandIn() {
		this(null);
	}

	/**
	 * Starts the stand-in, over HTTPS when given a server context.
	 */
	CirconusStandIn(SSLContext tls) {
		this.server = (tls != null) ? StandInServers.https(tls, false) : StandInServers.http(0);
		this.server.createContext("/", this::handle);
		this.server.start();
		this.trapBase = url();
	}

	String url() {
		String scheme = (this.server instanceof HttpsServer) ? "https" : "http";
		return scheme + "://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String apiUrl() {
		return url() + "/v2";
	}

	/**
	 * Makes the submission URLs of created checks point at another server.
	 */
	void trapBase(String url) {
		this.trapBase = url;
	}

	void caCertificate(String pem) {
		this.caCertificate = pem;
	}

	void trapStatus(int status) {
		this.trapStatus = status;
	}

	/**
	 * Adds a broker with one instance.
	 */
	synchronized ObjectNode broker(int id, String ip, String cn, String type, String... tags) {
		ObjectNode broker = JSON.createObjectNode();
		broker.put("_cid", "/broker/" + id);
		broker.put("_name", "broker-" + id);
		broker.put("_type", type);
		ArrayNode tagList = broker.putArray("_tags");
		for (String tag : tags) {
			tagList.add(tag);
		}
		ObjectNode detail = broker.putArray("_details").addObject();
		detail.put("cn", cn);
		detail.put("ipaddress", ip);
		detail.put("status", "active");
		detail.putArray("modules").add("httptrap").add("json");
		this.brokers.put(id, broker);
		return broker;
	}

	/**
	 * Adds an httptrap check bundle as the API would have created it.
	 */
	synchronized ObjectNode bundle(int id, String target, String tag, String... metrics) {
		ObjectNode bundle = JSON.createObjectNode();
		bundle.put("_cid", "/check_bundle/" + id);
		bundle.putArray("_checks").add("/check/" + id);
		bundle.putArray("_check_uuids").add("uuid-" + id);
		bundle.putArray("brokers").add(this.brokers.keySet().stream().findFirst().map((b) -> "/broker/" + b).orElse(""));
		bundle.putObject("config").put("submission_url", this.trapBase + "/module/httptrap/uuid-" + id + "/secret-" + id);
		ArrayNode list = bundle.putArray("metrics");
		for (String metric : metrics) {
			String[] nameAndStatus = metric.split("=");
			list.addObject().put("name", nameAndStatus[0]).put("type", "numeric").put("status", nameAndStatus[1]);
		}
		bundle.put("status", "active");
		bundle.putArray("tags").add(tag);
		bundle.put("target", target);
		bundle.put("type", "httptrap");
		this.bundles.put(id, bundle);
		return bundle;
	}

	synchronized ObjectNode bundle(int id) {
		return this.bundles.get(id);
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	List<Request> requests(String method, String pathPrefix) {
		return this.requests.stream()
			.filter((request) -> request.method().equals(method) && request.path().startsWith(pathPrefix))
			.toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String rawQuery = exchange.getRequestURI().getRawQuery();
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				(rawQuery != null) ? URLDecoder.decode(rawQuery.replace("+", "%2B"), StandardCharsets.UTF_8) : "",
				headers, body, System.nanoTime());
		this.requests.add(request);
		int status;
		String answer;
		synchronized (this) {
			if (request.path().startsWith("/module/httptrap/")) {
				status = this.trapStatus;
				answer = (status == 200) ? "{\"stats\":" + JSON.readTree(body).size() + "}" : "{\"error\":\"down\"}";
			}
			else if (!TOKEN.equals(headers.get("x-circonus-auth-token"))) {
				status = 403;
				answer = "{\"code\":\"403\",\"message\":\"bad token\"}";
			}
			else {
				JsonNode result = api(request);
				status = (result != null) ? 200 : 404;
				answer = (result != null) ? JSON.writeValueAsString(result) : "{\"message\":\"not found\"}";
			}
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private JsonNode api(Request request) {
		String path = request.path().substring("/v2".length());
		String method = request.method();
		if (method.equals("GET") && path.equals("/check_bundle")) {
			return search(request.query().substring("search=".length()));
		}
		if (method.equals("POST") && path.equals("/check_bundle")) {
			return create((ObjectNode) JSON.readTree(request.body()));
		}
		if (path.startsWith("/check_bundle/")) {
			int id = Integer.parseInt(path.substring("/check_bundle/".length()));
			if (method.equals("PUT") && this.bundles.containsKey(id)) {
				ObjectNode updated = (ObjectNode) JSON.readTree(request.body());
				this.bundles.put(id, updated);
			}
			return this.bundles.get(id);
		}
		if (method.equals("GET") && path.equals("/check")) {
			String uuid = request.query().substring("f__check_uuid=".length());
			ArrayNode checks = JSON.createArrayNode();
			this.bundles.forEach((id, bundle) -> {
				if (bundle.path("_check_uuids").path(0).asString("").equals(uuid)) {
					checks.add(check(id));
				}
			});
			return checks;
		}
		if (method.equals("GET") && path.startsWith("/check/")) {
			int id = Integer.parseInt(path.substring("/check/".length()));
			return this.bundles.containsKey(id) ? check(id) : null;
		}
		if (method.equals("GET") && path.equals("/broker")) {
			ArrayNode list = JSON.createArrayNode();
			List<String> wanted = new ArrayList<>();
			for (String part : request.query().split("&")) {
				if (part.startsWith("f__tags_has=")) {
					wanted.add(part.substring("f__tags_has=".length()));
				}
			}
			this.brokers.values().stream().filter((broker) -> hasTags(broker.path("_tags"), wanted)).forEach(list::add);
			return list;
		}
		if (method.equals("GET") && path.startsWith("/broker/")) {
			return this.brokers.get(Integer.parseInt(path.substring("/broker/".length())));
		}
		if (method.equals("GET") && path.equals("/pki/ca.crt") && this.caCertificate != null) {
			return JSON.createObjectNode().put("contents", this.caCertificate);
		}
		return null;
	}

	private JsonNode search(String criteria) {
		Map<String, String> wanted = new LinkedHashMap<>();
		Matcher matcher = CRITERION.matcher(criteria);
		while (matcher.find()) {
			wanted.put(matcher.group(1), matcher.group(2).replace("\"", ""));
		}
		ArrayNode found = JSON.createArrayNode();
		for (ObjectNode bundle : this.bundles.values()) {
			boolean matches = (!"1".equals(wanted.get("active")) || "active".equals(bundle.path("status").asString("")))
					&& bundle.path("target").asString("").equals(wanted.get("host"))
					&& bundle.path("type").asString("").equals(wanted.get("type"))
					&& hasTags(bundle.path("tags"), List.of(wanted.getOrDefault("tags", "").split(",")));
			if (matches) {
				found.add(bundle);
			}
		}
		return found;
	}

	private ObjectNode create(ObjectNode bundle) {
		int id = this.bundles.isEmpty() ? 1001 : ((TreeMap<Integer, ObjectNode>) this.bundles).lastKey() + 1;
		ObjectNode created = bundle.deepCopy();
		created.put("_cid", "/check_bundle/" + id);
		created.putArray("_checks").add("/check/" + id);
		created.putArray("_check_uuids").add("uuid-" + id);
		((ObjectNode) created.get("config")).put("submission_url", this.trapBase + "/module/httptrap/uuid-" + id + "/"
				+ bundle.path("config").path("secret").asString(""));
		this.bundles.put(id, created);
		return created;
	}

	private ObjectNode check(int id) {
		ObjectNode bundle = this.bundles.get(id);
		return JSON.createObjectNode()
			.put("_cid", "/check/" + id)
			.put("_active", "active".equals(bundle.path("status").asString("")))
			.put("_broker", bundle.path("brokers").path(0).asString(""))
			.put("_check_bundle", "/check_bundle/" + id)
			.put("_check_uuid", bundle.path("_check_uuids").path(0).asString(""));
	}

	private static boolean hasTags(JsonNode tags, List<String> wanted) {
		List<String> present = new ArrayList<>();
		tags.forEach((tag) -> present.add(tag.asString("")));
		return present.containsAll(wanted.stream().filter((tag) -> !tag.isEmpty()).toList());
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request the stand-in received.
	 *
	 * @param method the method
	 * @param path the path
	 * @param query the decoded query, {@code ""} when none
	 * @param headers the headers, names in lower case
	 * @param body the body
	 * @param nanos when it arrived ({@link System#nanoTime()})
	 */
	record Request(String method, String path, String query, Map<String, String> headers, String body, long nanos) {
	}

}
