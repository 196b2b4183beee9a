package org.nomadagent.consul;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Consul agent stand-in on a loopback port, speaking the part of Consul's HTTP API the agent
 * uses: it keeps the local agent's services and checks (registering a check for an unknown
 * service fails, removing a service removes its checks), a catalog of several datacenters (the
 * local one also lists the agent's services), and it records every request. It can require an
 * ACL token, HTTP basic authentication and, over HTTPS, a client certificate.
 */
final class ConsulStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> checks = new LinkedHashMap<>();

	private final Map<String, List<Map<String, Object>>> catalog = new LinkedHashMap<>();

	private volatile String requiredToken;

	private volatile String requiredAuthorization;

	private ConsulStandIn(HttpServer server) {
		this.server = server;
		this.catalog.put("dc1", new ArrayList<>());
		this.checks.put("serfHealth", check("serfHealth", "Serf Health Status", "", "passing"));
		server.createContext("/", this::handle);
		server.start();
	}

	/**
	 * Starts a stand-in on a free port.
	 */
	static ConsulStandIn start() {
		return start(0);
	}

	/**
	 * Starts a stand-in on a given port.
	 */
	static ConsulStandIn start(int port) {
		try {
			return new ConsulStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts an HTTPS stand-in on a free port.
	 * @param context the server's TLS context
	 * @param requireClientCertificate whether a client certificate is required
	 */
	static ConsulStandIn startHttps(SSLContext context, boolean requireClientCertificate) {
		try {
			HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setHttpsConfigurator(new HttpsConfigurator(context) {

				@Override
				public void configure(HttpsParameters parameters) {
					SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
					ssl.setNeedClientAuth(requireClientCertificate);
					parameters.setSSLParameters(ssl);
				}

			});
			return new ConsulStandIn(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the stand-in's address, as {@code host:port}.
	 */
	String address() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Sets the datacenters, the local one first.
	 */
	synchronized ConsulStandIn datacenters(String... names) {
		Map<String, List<Map<String, Object>>> previous = new LinkedHashMap<>(this.catalog);
		this.catalog.clear();
		for (String name : names) {
			this.catalog.put(name, previous.getOrDefault(name, new ArrayList<>()));
		}
		return this;
	}

	/**
	 * Adds a service instance to a datacenter's catalog.
	 */
	synchronized ConsulStandIn catalogEntry(String datacenter, String node, String nodeAddress, String service,
			String tag, String serviceAddress, int port) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("Node", node);
		entry.put("Address", nodeAddress);
		entry.put("ServiceID", service + "-" + tag + "-" + node);
		entry.put("ServiceName", service);
		entry.put("ServiceTags", List.of(tag));
		entry.put("ServiceAddress", serviceAddress);
		entry.put("ServicePort", port);
		this.catalog.get(datacenter).add(entry);
		return this;
	}

	/**
	 * Registers a service (and a check of it) as someone else would.
	 */
	synchronized ConsulStandIn foreignService(String id, String name, int port) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("ID", id);
		service.put("Service", name);
		service.put("Tags", List.of());
		service.put("Port", port);
		service.put("Address", "");
		service.put("EnableTagOverride", false);
		this.services.put(id, service);
		this.checks.put("service:" + id, check("service:" + id, "Service '" + name + "' check", id, "passing"));
		return this;
	}

	/**
	 * Requires an ACL token on every request (403 otherwise).
	 */
	ConsulStandIn requireToken(String token) {
		this.requiredToken = token;
		return this;
	}

	/**
	 * Requires HTTP basic authentication on every request (401 otherwise).
	 */
	ConsulStandIn requireBasicAuth(String user, String password) {
		this.requiredAuthorization = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/**
	 * Returns the local agent's services, by ID.
	 */
	synchronized Map<String, Map<String, Object>> services() {
		return new LinkedHashMap<>(this.services);
	}

	/**
	 * Returns the local agent's checks, by ID.
	 */
	synchronized Map<String, Map<String, Object>> checks() {
		return new LinkedHashMap<>(this.checks);
	}

	/**
	 * Removes a service and its checks behind the agent's back (drift).
	 */
	synchronized void removeService(String id) {
		this.services.remove(id);
		this.checks.values().removeIf((check) -> id.equals(check.get("ServiceID")));
	}

	/**
	 * Returns every request received so far.
	 */
	List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Returns the requests with a method and a path starting with a prefix.
	 */
	List<RecordedRequest> requests(String method, String pathPrefix) {
		return this.requests.stream()
			.filter((request) -> request.method().equals(method) && request.path().startsWith(pathPrefix))
			.toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), headers, body, clientCertificate(exchange));
		this.requests.add(request);
		try {
			if (this.requiredAuthorization != null && !this.requiredAuthorization.equals(request.header("Authorization"))) {
				respond(exchange, 401, "Unauthorized");
			}
			else if (this.requiredToken != null && !this.requiredToken.equals(request.header("X-Consul-Token"))) {
				respond(exchange, 403, "Permission denied");
			}
			else {
				route(exchange, request);
			}
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, String.valueOf(ex.getMessage()));
		}
	}

	private synchronized void route(HttpExchange exchange, RecordedRequest request) throws IOException {
		String path = request.path();
		String method = request.method();
		if (method.equals("GET") && path.equals("/v1/agent/services")) {
			respond(exchange, 200, JSON.writeValueAsString(this.services));
		}
		else if (method.equals("GET") && path.equals("/v1/agent/checks")) {
			respond(exchange, 200, JSON.writeValueAsString(this.checks));
		}
		else if (method.equals("PUT") && path.equals("/v1/agent/service/register")) {
			registerService(JSON.readValue(request.body(), Map.class));
			respond(exchange, 200, "");
		}
		else if (method.equals("PUT") && path.startsWith("/v1/agent/service/deregister/")) {
			removeService(path.substring("/v1/agent/service/deregister/".length()));
			respond(exchange, 200, "");
		}
		else if (method.equals("PUT") && path.equals("/v1/agent/check/register")) {
			Map<?, ?> check = JSON.readValue(request.body(), Map.class);
			String serviceId = String.valueOf(check.get("ServiceID"));
			if (!this.services.containsKey(serviceId)) {
				respond(exchange, 500, "ServiceID \"" + serviceId + "\" does not exist");
				return;
			}
			String id = String.valueOf(check.get("ID"));
			this.checks.put(id, check(id, String.valueOf(check.get("Name")), serviceId, "critical"));
			respond(exchange, 200, "");
		}
		else if (method.equals("PUT") && path.startsWith("/v1/agent/check/deregister/")) {
			this.checks.remove(path.substring("/v1/agent/check/deregister/".length()));
			respond(exchange, 200, "");
		}
		else if (method.equals("GET") && path.equals("/v1/catalog/datacenters")) {
			respond(exchange, 200, JSON.writeValueAsString(List.copyOf(this.catalog.keySet())));
		}
		else if (method.equals("GET") && path.startsWith("/v1/catalog/service/")) {
			catalogService(exchange, path.substring("/v1/catalog/service/".length()), request.parameters());
		}
		else {
			respond(exchange, 404, "no handler for " + method + " " + path);
		}
	}

	private void registerService(Map<?, ?> registration) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("ID", registration.get("ID"));
		service.put("Service", registration.get("Name"));
		service.put("Tags", registration.get("Tags"));
		service.put("Port", registration.get("Port"));
		service.put("Address", registration.get("Address"));
		service.put("EnableTagOverride", Boolean.TRUE.equals(registration.get("EnableTagOverride")));
		this.services.put(String.valueOf(registration.get("ID")), service);
	}

	private void catalogService(HttpExchange exchange, String name, Map<String, String> parameters)
			throws IOException {
		String local = this.catalog.keySet().iterator().next();
		String datacenter = parameters.getOrDefault("dc", local);
		if (!this.catalog.containsKey(datacenter)) {
			respond(exchange, 500, "No path to datacenter");
			return;
		}
		List<Map<String, Object>> entries = new ArrayList<>(this.catalog.get(datacenter));
		if (datacenter.equals(local)) {
			this.services.values().forEach((service) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("Node", "standin");
				entry.put("Address", "127.0.0.1");
				entry.put("ServiceID", service.get("ID"));
				entry.put("ServiceName", service.get("Service"));
				entry.put("ServiceTags", service.get("Tags"));
				entry.put("ServiceAddress", service.get("Address"));
				entry.put("ServicePort", service.get("Port"));
				entries.add(entry);
			});
		}
		String tag = parameters.get("tag");
		List<Map<String, Object>> matching = entries.stream()
			.filter((entry) -> name.equals(entry.get("ServiceName")))
			.filter((entry) -> tag == null || ((List<?>) entry.get("ServiceTags")).contains(tag))
			.toList();
		respond(exchange, 200, JSON.writeValueAsString(matching));
	}

	private static Map<String, Object> check(String id, String name, String serviceId, String status) {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("Node", "standin");
		check.put("CheckID", id);
		check.put("Name", name);
		check.put("Status", status);
		check.put("Notes", "");
		check.put("Output", "");
		check.put("ServiceID", serviceId);
		check.put("ServiceName", "");
		return check;
	}

	private static String clientCertificate(HttpExchange exchange) {
		if (exchange instanceof HttpsExchange https) {
			try {
				return https.getSSLSession().getPeerPrincipal().getName();
			}
			catch (SSLPeerUnverifiedException ex) {
				return "";
			}
		}
		return "";
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", body.startsWith("[") || body.startsWith("{")
				? "application/json" : "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * A request the stand-in received.
	 *
	 * @param method the method
	 * @param path the path
	 * @param query the raw query, or {@code null}
	 * @param headers the headers, by lower-case name
	 * @param body the body
	 * @param clientCertificate the subject of the client certificate, {@code ""} when none
	 */
	record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
			String clientCertificate) {

		/**
		 * Returns the first value of a header, or {@code null}.
		 */
		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		/**
		 * Returns the query parameters (the last value of each).
		 */
		Map<String, String> parameters() {
			Map<String, String> parameters = new LinkedHashMap<>();
			if (this.query != null && !this.query.isEmpty()) {
				for (String pair : this.query.split("&")) {
					int equals = pair.indexOf('=');
					parameters.put((equals < 0) ? pair : pair.substring(0, equals),
							(equals < 0) ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
			return parameters;
		}

	}

}
