package org.nomadagent.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.nomadagent.config.JsonText;

/**
 * Writes API responses as Nomad's HTTP server writes them (reference §7.1): JSON bodies with
 * {@code Content-Type: application/json} and no trailing newline, or indented with four spaces and
 * a final newline when {@code ?pretty} is given (and is not {@code 0}); plain-text errors; gzip
 * when the client accepts it; and {@code Vary: Accept-Encoding} on every response. Responses are
 * written straight to the servlet response: the API's bodies are already text, and going through
 * Spring MVC's return-value handling and message conversion cost a quarter of each request.
 */
public final class ApiResponses {

	private static final String JSON = "application/json";

	private static final String TEXT = "text/plain; charset=utf-8";

	private ApiResponses() {
	}

	/**
	 * Writes a value as JSON, with status 200.
	 * @param request the request (for {@code ?pretty} and {@code Accept-Encoding})
	 * @param response the response
	 * @param value a map, list, text, number or boolean
	 */
	public static void json(HttpServletRequest request, HttpServletResponse response, Object value) {
		String text = pretty(request) ? JsonText.pretty(value, "    ") : JsonText.compact(value);
		write(request, response, HttpServletResponse.SC_OK, JSON, text);
	}

	/**
	 * Writes JSON text already written (compact), with status 200.
	 * @param request the request
	 * @param response the response
	 * @param compact the compact JSON text
	 */
	public static void jsonText(HttpServletRequest request, HttpServletResponse response, String compact) {
		write(request, response, HttpServletResponse.SC_OK, JSON, compact);
	}

	/**
	 * Writes a 200 response with no body and no content type (a handler that returns nothing):
	 * no gzip encoding either, as Go writes nothing.
	 * @param response the response
	 */
	public static void empty(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader("Vary", "Accept-Encoding");
	}

	/**
	 * Writes a plain-text error.
	 * @param request the request
	 * @param response the response
	 * @param status the status
	 * @param message the body
	 */
	public static void error(HttpServletRequest request, HttpServletResponse response, int status, String message) {
		write(request, response, status, TEXT, message);
	}

	/**
	 * Returns whether a request asks for indented JSON.
	 * @param request the request
	 * @return whether {@code ?pretty} is given with an empty value or any value but {@code 0}
	 */
	static boolean pretty(HttpServletRequest request) {
		if (request.getQueryString() == null) {
			return false;
		}
		String[] values = request.getParameterMap().get("pretty");
		return values != null && (values.length == 0 || !values[0].equals("0"));
	}

	static void write(HttpServletRequest request, HttpServletResponse response, int status, String contentType,
			String text) {
		response.setStatus(status);
		response.setHeader("Vary", "Accept-Encoding");
		if (contentType != null) {
			response.setContentType(contentType);
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (acceptsGzip(request)) {
			response.setHeader("Content-Encoding", "gzip");
			bytes = gzip(bytes);
		}
		response.setContentLength(bytes.length);
		try {
			response.getOutputStream().write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		String accept = request.getHeader("Accept-Encoding");
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
