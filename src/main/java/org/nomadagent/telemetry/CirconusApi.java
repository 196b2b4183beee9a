package org.nomadagent.telemetry;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nomadagent.config.Secret;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Circonus API as {@code circonus-gometrics} calls it: JSON over HTTPS, authenticated by the
 * {@code X-Circonus-Auth-Token} and {@code X-Circonus-App-Name} headers, retried up to four
 * times. Paths are API paths or object IDs ({@code /check_bundle/1234}).
 */
final class CirconusApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String QUERY_CHARACTERS = "-._~!$&'()*+,;=:@/?";

	private final URI base;

	private final Secret token;

	private final String app;

	private final CirconusHttp http;

	/**
	 * Creates the client.
	 * @param base the API's base URL, without a trailing slash
	 * @param token the API token
	 * @param app the app name
	 * @param http sends the requests
	 */
	CirconusApi(URI base, Secret token, String app, CirconusHttp http) {
		this.base = base;
		this.token = token;
		this.app = app;
		this.http = http;
	}

	JsonNode get(String path) throws CirconusException, InterruptedException {
		return call("GET", path, null);
	}

	JsonNode post(String path, JsonNode body) throws CirconusException, InterruptedException {
		return call("POST", path, body);
	}

	JsonNode put(String path, JsonNode body) throws CirconusException, InterruptedException {
		return call("PUT", path, body);
	}

	private JsonNode call(String method, String path, JsonNode body) throws CirconusException, InterruptedException {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/json");
		headers.put("X-Circonus-Auth-Token", this.token.value());
		headers.put("X-Circonus-App-Name", this.app);
		HttpResponse<String> response = this.http.send(method, uri(path), headers,
				(body != null) ? JSON.writeValueAsString(body) : null);
		if (response.statusCode() < 200 || response.statusCode() >= 300) {
			throw new CirconusException(
					"[ERROR] API response code " + response.statusCode() + ": " + response.body());
		}
		try {
			return JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new CirconusException(method + " " + path + ": the API answered with invalid JSON", ex);
		}
	}

	/**
	 * Returns the URL of an API path as the library builds it: the base URL, a slash, and the
	 * path without a leading {@code /v2}; characters a URL cannot hold (the quotes of a search)
	 * are percent-encoded.
	 */
	URI uri(String path) {
		String relative = path.startsWith("/v2") ? path.substring(3) : path;
		StringBuilder url = new StringBuilder(this.base.toString());
		if (!relative.startsWith("/")) {
			url.append('/');
		}
		for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| QUERY_CHARACTERS.indexOf(c) >= 0 || c == '%') {
				url.append(c);
			}
			else {
				url.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return URI.create(url.toString());
	}

}
