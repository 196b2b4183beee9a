package org.nomadagent.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import org.nomadagent.testing.StandInServers;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stateful Vault on a loopback port, speaking the token API Nomad's server uses:
 * {@code sys/init}, {@code lookup-self}, {@code lookup/<token>}, {@code renew-self}, token roles,
 * {@code create} and {@code create/<role>} with response wrapping, {@code cubbyhole/response}
 * (unwrap) and {@code revoke-accessor}. Tokens have TTLs, policies, roles and accessors. Every
 * request is recorded (method, path, headers, body, the SNI name and client certificate over
 * TLS); failures and delays can be injected.
 */
final class VaultStandIn implements AutoCloseable {

	/**
	 * A request the stand-in received.
	 *
	 * @param method the method
	 * @param path the decoded path
	 * @param headers the headers, names in lower case
	 * @param body the body
	 * @param serverNames the SNI names the client sent
	 * @param clientCertificate the subject of the client's certificate, or {@code null}
	 * @param at when the request arrived
	 */
	record Recorded(String method, String path, Map<String, String> headers, String body, List<String> serverNames,
			String clientCertificate, Instant at) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private record Failure(Predicate<Recorded> when, int status, String error, AtomicInteger remaining) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, StandInToken> tokens = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Object>> roles = new ConcurrentHashMap<>();

	private final Map<String, String> cubbyholes = new ConcurrentHashMap<>();

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final List<Failure> failures = new CopyOnWriteArrayList<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile String redirectTo;

	private VaultStandIn(HttpServer server) {
		this.server = server;
		server.setExecutor(this.executor);
		server.createContext("/", this::handle);
		server.start();
	}

	/** Starts a plain-HTTP stand-in on a random port. */
	static VaultStandIn start() {
		return start(0);
	}

	/** Starts a plain-HTTP stand-in on the given port. */
	static VaultStandIn start(int port) {
		return new VaultStandIn(StandInServers.http(port));
	}

	/** Starts an HTTPS stand-in, optionally requiring a client certificate. */
	static VaultStandIn startHttps(SSLContext context, boolean requireClientCertificate) {
		return new VaultStandIn(StandInServers.https(context, requireClientCertificate));
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String address() {
		return ((this.server instanceof HttpsServer) ? "https" : "http") + "://127.0.0.1:" + port();
	}

	/** Adds a root token that never expires and returns it. */
	String addRootToken() {
		return addToken(List.of("root"), "", 0, false);
	}

	/** Adds a token and returns it. */
	String addToken(List<String> policies, String role, long ttlSeconds, boolean renewable) {
		return addToken("s." + UUID.randomUUID(), policies, role, ttlSeconds, renewable);
	}

	/** Adds a token with a given id and returns it. */
	String addToken(String id, List<String> policies, String role, long ttlSeconds, boolean renewable) {
		this.tokens.put(id, new StandInToken(id, policies, role, ttlSeconds, renewable, Map.of(), "token", 0));
		return id;
	}

	/** Adds a role with the given settings ({@code orphan}, {@code period}, ...). */
	void addRole(String name, Map<String, Object> settings) {
		this.roles.put(name, new LinkedHashMap<>(settings));
	}

	/** Returns a live token, or {@code null}. */
	StandInToken token(String id) {
		StandInToken token = (id != null) ? this.tokens.get(id) : null;
		return (token == null || token.expired()) ? null : token;
	}

	/** Returns the live token of an accessor, or {@code null}. */
	StandInToken tokenByAccessor(String accessor) {
		return this.tokens.values().stream().filter((t) -> t.accessor.equals(accessor) && !t.expired()).findFirst()
			.orElse(null);
	}

	/** Returns the tokens that are alive. */
	List<StandInToken> liveTokens() {
		return this.tokens.values().stream().filter((t) -> !t.expired()).toList();
	}

	/** Answers the next {@code times} matching requests with an error. */
	void fail(Predicate<Recorded> when, int times, int status, String error) {
		this.failures.add(new Failure(when, status, error, new AtomicInteger(times)));
	}

	void clearFailures() {
		this.failures.clear();
	}

	/**
	 * Holds the next requests until this many are in flight together (or 5 s pass), so that a
	 * test sees a client's full parallelism whatever the machine's speed.
	 */
	void holdUntilInFlight(int requests) {
		this.gate = new CountDownLatch(requests);
	}

	/** Makes every request take at least this long (to observe parallelism). */
	void delay(Duration delay) {
		this.delay = delay;
	}

	/** Answers every request with a 307 to the same path at another address. */
	void redirectTo(String address) {
		this.redirectTo = address;
	}

	/** Returns the largest number of requests that were in flight together. */
	int maxInFlight() {
		return this.maxInFlight.get();
	}

	List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	List<Recorded> requests(String method, String pathPrefix) {
		return this.requests.stream().filter((r) -> r.method().equals(method) && r.path().startsWith(pathPrefix))
			.toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Recorded request = record(exchange);
		int now = this.inFlight.incrementAndGet();
		this.maxInFlight.accumulateAndGet(now, Math::max);
		try {
			CountDownLatch held = this.gate;
			held.countDown();
			held.await(5, TimeUnit.SECONDS);
			if (!this.delay.isZero()) {
				Thread.sleep(this.delay.toMillis());
			}
			if (this.redirectTo != null) {
				exchange.getResponseHeaders().set("Location", this.redirectTo + exchange.getRequestURI());
				exchange.sendResponseHeaders(307, -1);
				return;
			}
			for (Failure failure : this.failures) {
				if (failure.when().test(request) && failure.remaining().getAndDecrement() > 0) {
					respond(exchange, failure.status(), Map.of("errors", List.of(failure.error())));
					return;
				}
			}
			StandInApi.Answer answer = new StandInApi(this.tokens, this.roles, this.cubbyholes).answer(request);
			respond(exchange, answer.status(), answer.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.inFlight.decrementAndGet();
			exchange.close();
		}
	}

	private Recorded record(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
		List<String> serverNames = new ArrayList<>();
		String client = null;
		if (exchange instanceof HttpsExchange https) {
			SSLSession session = https.getSSLSession();
			if (session instanceof ExtendedSSLSession extended) {
				extended.getRequestedServerNames()
					.forEach((name) -> serverNames.add(((SNIHostName) name).getAsciiName()));
			}
			try {
				client = session.getPeerPrincipal().getName();
			}
			catch (SSLPeerUnverifiedException ex) {
				client = null;
			}
		}
		String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
		Recorded recorded = new Recorded(exchange.getRequestMethod(), path, headers, body, serverNames, client,
				Instant.now());
		this.requests.add(recorded);
		return recorded;
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static String now() {
		return Instant.now().toString();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
