package org.nomadagent.consul;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsExchange;
import org.nomadagent.testing.StandInServers;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Consul agent stand-in on a loopback port, speaking the part of Consul's HTTP API the agent
 * uses, over HTTP or HTTPS: the local agent's services and checks, the catalog's datacenters and
 * services (its state is a {@link ConsulStandInState}). It records every request, and can require
 * an ACL token (403 otherwise), HTTP basic authentication (401) and a client certificate.
 */
final class ConsulStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ConsulStandInState state = new ConsulStandInState();

	private final List<RecordedConsulRequest> requests = new CopyOnWriteArrayList<>();

	private volatile String requiredToken;

	private volatile String requiredAuthorization;

	private ConsulStandIn(HttpServer server) {
		this.server = server;
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
		return new ConsulStandIn(StandInServers.http(port));
	}

	/**
	 * Starts an HTTPS stand-in on a free port.
	 * @param context the server's TLS context
	 * @param requireClientCertificate whether a client certificate is required
	 */
	static ConsulStandIn startHttps(SSLContext context, boolean requireClientCertificate) {
		return new ConsulStandIn(StandInServers.https(context, requireClientCertificate));
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
	ConsulStandIn datacenters(String... names) {
		this.state.datacenters(names);
		return this;
	}

	/**
	 * Adds a service instance to a datacenter's catalog.
	 */
	ConsulStandIn catalogEntry(String datacenter, String node, String nodeAddress, String service, String tag,
			String serviceAddress, int port) {
		this.state.catalogEntry(datacenter, node, nodeAddress, service, tag, serviceAddress, port);
		return this;
	}

	/**
	 * Registers a service (and a check of it) as someone else would.
	 */
	ConsulStandIn foreignService(String id, String name, int port) {
		this.state.foreignService(id, name, port);
		return this;
	}

	/**
	 * Requires an ACL token on every request.
	 */
	ConsulStandIn requireToken(String token) {
		this.requiredToken = token;
		return this;
	}

	/**
	 * Requires HTTP basic authentication on every request.
	 */
	ConsulStandIn requireBasicAuth(String user, String password) {
		this.requiredAuthorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/**
	 * Returns the local agent's services, by ID.
	 */
	Map<String, Map<String, Object>> services() {
		return this.state.services();
	}

	/**
	 * Returns the local agent's checks, by ID.
	 */
	Map<String, Map<String, Object>> checks() {
		return this.state.checks();
	}

	/**
	 * Removes a service and its checks behind the agent's back (drift).
	 */
	void removeService(String id) {
		this.state.removeService(id);
	}

	/**
	 * Returns every request received so far.
	 */
	List<RecordedConsulRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Returns the requests with a method and a path starting with a prefix.
	 */
	List<RecordedConsulRequest> requests(String method, String pathPrefix) {
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
		RecordedConsulRequest request = new RecordedConsulRequest(exchange.getRequestMethod(),
				exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), headers, body,
				clientCertificate(exchange));
		this.requests.add(request);
		try {
			String authorization = request.header("Authorization");
			if (this.requiredAuthorization != null && !this.requiredAuthorization.equals(authorization)) {
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

	private void route(HttpExchange exchange, RecordedConsulRequest request) throws IOException {
		String path = request.path();
		String call = request.method() + " " + path;
		if (call.equals("GET /v1/agent/services")) {
			respond(exchange, 200, JSON.writeValueAsString(this.state.services()));
		}
		else if (call.equals("GET /v1/agent/checks")) {
			respond(exchange, 200, JSON.writeValueAsString(this.state.checks()));
		}
		else if (call.equals("PUT /v1/agent/service/register")) {
			this.state.registerService(JSON.readValue(request.body(), Map.class));
			respond(exchange, 200, "");
		}
		else if (call.startsWith("PUT /v1/agent/service/deregister/")) {
			this.state.removeService(path.substring(path.lastIndexOf('/') + 1));
			respond(exchange, 200, "");
		}
		else if (call.equals("PUT /v1/agent/check/register")) {
			String error = this.state.registerCheck(JSON.readValue(request.body(), Map.class));
			respond(exchange, (error != null) ? 500 : 200, (error != null) ? error : "");
		}
		else if (call.startsWith("PUT /v1/agent/check/deregister/")) {
			this.state.removeCheck(path.substring(path.lastIndexOf('/') + 1));
			respond(exchange, 200, "");
		}
		else if (call.equals("GET /v1/catalog/datacenters")) {
			respond(exchange, 200, JSON.writeValueAsString(this.state.datacenters()));
		}
		else if (call.startsWith("GET /v1/catalog/service/")) {
			Map<String, String> parameters = request.parameters();
			List<Map<String, Object>> instances = this.state.catalogService(path.substring(path.lastIndexOf('/') + 1),
					parameters.get("dc"), parameters.get("tag"));
			respond(exchange, (instances != null) ? 200 : 500,
					(instances != null) ? JSON.writeValueAsString(instances) : "No path to datacenter");
		}
		else {
			respond(exchange, 404, "no handler for " + call);
		}
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
		boolean json = body.startsWith("[") || body.startsWith("{");
		exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
