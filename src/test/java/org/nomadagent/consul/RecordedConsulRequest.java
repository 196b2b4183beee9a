package org.nomadagent.consul;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request a {@link ConsulStandIn} received.
 *
 * @param method the method
 * @param path the path
 * @param query the raw query, or {@code null}
 * @param headers the headers, by lower-case name
 * @param body the body
 * @param clientCertificate the subject of the client certificate, {@code ""} when none
 */
record RecordedConsulRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
		String clientCertificate) {

	/**
	 * Returns the first value of a header, or {@code null}.
	 */
	String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Returns the query parameters, decoded (the last value of each; {@code ""} for a name alone).
	 */
	Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (this.query != null && !this.query.isEmpty()) {
			for (String pair : this.query.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				parameters.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

}
