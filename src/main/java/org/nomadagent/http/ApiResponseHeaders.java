package org.nomadagent.http;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.nomadagent.agent.LiveAgentConfig;
import org.nomadagent.config.GoDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Adds {@code http_api_response_headers} to every API response, errors included, reading them
 * from the live configuration so that a SIGHUP reload applies at once; and logs each request as
 * Nomad does ({@code http: Request /v1/agent/self (1.2ms)}). Names are canonicalised as Go does
 * ({@code x-custom-thing} becomes {@code X-Custom-Thing}).
 */
final class ApiResponseHeaders implements HandlerInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(ApiResponseHeaders.class);

	private static final String STARTED = ApiResponseHeaders.class.getName() + ".started";

	private final LiveAgentConfig live;

	ApiResponseHeaders(LiveAgentConfig live) {
		this.live = live;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod) {
			request.setAttribute(STARTED, System.nanoTime());
			for (Map.Entry<String, String> header : this.live.current()
				.layer()
				.stringMap("http_api_response_headers")
				.entrySet()) {
				response.setHeader(canonical(header.getKey()), header.getValue());
			}
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Object started = request.getAttribute(STARTED);
		if (started != null && logger.isDebugEnabled()) {
			String url = request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
			logger.debug("http: Request {} ({})", url,
					GoDuration.format(Duration.ofNanos(System.nanoTime() - (Long) started)));
		}
	}

	/**
	 * Canonicalises a header name as Go's {@code textproto.CanonicalMIMEHeaderKey} does: the
	 * first letter and every letter after a dash upper case, the rest lower case; names holding
	 * a space or other characters that are not valid in a header are kept as they are.
	 */
	static String canonical(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!token) {
				return name;
			}
		}
		StringBuilder out = new StringBuilder(name.length());
		boolean upper = true;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
			upper = c == '-';
		}
		return out.toString();
	}

}
