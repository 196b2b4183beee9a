package org.nomadagent.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.nomadagent.config.JsonText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Builds API responses as Nomad's HTTP server writes them (reference §7.1): JSON bodies with
 * {@code Content-Type: application/json} and no trailing newline, or indented with four spaces and
 * a final newline when {@code ?pretty} is given (and is not {@code 0}); plain-text errors; gzip
 * when the client accepts it; and {@code Vary: Accept-Encoding} on every response.
 */
public final class ApiResponses {

	private static final String JSON = "application/json";

	private static final String TEXT = "text/plain; charset=utf-8";

	private ApiResponses() {
	}

	/**
	 * Returns a 200 response with a value as JSON.
	 * @param request the request (for {@code ?pretty} and {@code Accept-Encoding})
	 * @param value a map, list, text, number or boolean
	 * @return the response
	 */
	public static ResponseEntity<byte[]> json(HttpServletRequest request, Object value) {
		String text = pretty(request) ? JsonText.pretty(value, "    ") : JsonText.compact(value);
		return body(request, HttpStatus.OK.value(), JSON, text);
	}

	/**
	 * Returns a 200 response with JSON text already written (compact), indenting it again for
	 * {@code ?pretty}.
	 * @param request the request
	 * @param compact the compact JSON text
	 * @param value the value the text was written from, for {@code ?pretty}
	 * @return the response
	 */
	public static ResponseEntity<byte[]> json(HttpServletRequest request, String compact, Object value) {
		String text = pretty(request) ? JsonText.pretty(value, "    ") : compact;
		return body(request, HttpStatus.OK.value(), JSON, text);
	}

	/**
	 * Returns a 200 response with an empty body and no content type (a handler that returns
	 * nothing).
	 * @param request the request
	 * @return the response
	 */
	public static ResponseEntity<byte[]> empty(HttpServletRequest request) {
		// No body at all: no content type and no gzip encoding, as Go writes nothing.
		return ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
	}

	/**
	 * Returns a plain-text error response.
	 * @param request the request
	 * @param status the status
	 * @param message the body
	 * @return the response
	 */
	public static ResponseEntity<byte[]> error(HttpServletRequest request, int status, String message) {
		return body(request, status, TEXT, message);
	}

	/**
	 * Returns whether a request asks for indented JSON.
	 * @param request the request
	 * @return whether {@code ?pretty} is given with an empty value or any value but {@code 0}
	 */
	static boolean pretty(HttpServletRequest request) {
		String[] values = request.getParameterMap().get("pretty");
		return values != null && (values.length == 0 || !values[0].equals("0"));
	}

	static ResponseEntity<byte[]> body(HttpServletRequest request, int status, String contentType, String text) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (contentType != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (acceptsGzip(request)) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
			bytes = gzip(bytes);
		}
		return ResponseEntity.status(status).headers(headers).body(bytes);
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		return accept != null && accept.contains("gzip");
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 32);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
