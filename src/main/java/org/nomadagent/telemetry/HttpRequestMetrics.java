package org.nomadagent.telemetry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times each request of the Nomad HTTP API per route, as
 * {@code nomad.http.<METHOD>.<route>} ({@code nomad.http.GET.v1.agent.self}). Nomad v0.5 has no
 * HTTP metrics; the names follow the style Consul's agent uses for its own API. The route is the
 * handler's path pattern, not the request path, so that a path with an ID in it does not make a
 * metric per ID; a pattern variable becomes {@code _}. Requests no route matched are not timed.
 */
final class HttpRequestMetrics extends OncePerRequestFilter {

	private final NomadMetrics metrics;

	HttpRequestMetrics(NomadMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			if (pattern instanceof String route) {
				this.metrics.timer(key(request.getMethod(), route))
					.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		}
	}

	/**
	 * Returns the key of a route: {@code http}, the method, then the pattern's segments.
	 * @param method the request method
	 * @param route the handler's path pattern, such as {@code /v1/agent/self}
	 * @return the key's parts
	 */
	static String[] key(String method, String route) {
		List<String> parts = new ArrayList<>();
		parts.add("http");
		parts.add(method);
		for (String segment : route.split("/")) {
			if (!segment.isEmpty()) {
				parts.add((segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0) ? "_" : segment);
			}
		}
		return parts.toArray(String[]::new);
	}

}
