package org.nomadagent.vault;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Vault's answers: the JSON body of a success, and the error of a failure worded as
 * Nomad's Vault library words it, the request's URL included (with secrets already replaced in
 * the path it is given).
 */
final class VaultResponseReader {

	private final URI address;

	private final String base;

	VaultResponseReader(URI address) {
		this.address = address;
		String text = address.toString();
		this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	boolean isHttps() {
		return "https".equalsIgnoreCase(this.address.getScheme());
	}

	URI resolve(URI location) {
		return location.isAbsolute() ? location : this.address.resolve(location);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> body(HttpMethod method, String shownPath, String body) {
		if (body == null || body.isBlank()) {
			return new LinkedHashMap<>();
		}
		try {
			Object value = JsonMapper.shared().readValue(body, Object.class);
			return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : new LinkedHashMap<>();
		}
		catch (JacksonException ex) {
			throw new VaultClientException("error decoding the answer to " + method.name() + " " + url(shownPath)
					+ ": " + ex.getOriginalMessage(), 200, ex);
		}
	}

	/**
	 * An error answer: {@code Error making API request.\n\nURL: GET <url>\nCode: 403. Errors:\n\n*
	 * permission denied}, or the raw body when it is not Vault's JSON.
	 */
	VaultClientException error(HttpMethod method, String shownPath, int status, String body) {
		StringBuilder message = new StringBuilder("Error making API request.\n\nURL: ").append(method.name())
			.append(' ')
			.append(url(shownPath))
			.append("\nCode: ")
			.append(status)
			.append('.');
		List<String> errors = errors(body);
		if (errors == null) {
			message.append(" Raw Message:\n\n").append(body);
		}
		else {
			message.append(" Errors:\n\n");
			// The library writes the errors one after the other, without a separator.
			errors.forEach((error) -> message.append("* ").append(error));
		}
		return new VaultClientException(message.toString(), status, null);
	}

	/**
	 * Vault could not be reached: {@code Get <url>: <cause>}, as Go words a failed request.
	 */
	VaultClientException unreachable(HttpMethod method, String shownPath, ResourceAccessException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		String name = method.name();
		String operation = name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
		return new VaultClientException(operation + " " + url(shownPath) + ": " + reason, 0, cause);
	}

	private String url(String shownPath) {
		return this.base + "/v1/" + shownPath;
	}

	private static List<String> errors(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			Object value = JsonMapper.shared().readValue(body, Object.class);
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			Object errors = map.get("errors");
			return (errors instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
