package org.nomadagent.http;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;

/**
 * Turns API errors into Nomad's plain-text error responses, and unknown paths into the 404 of
 * Go's request multiplexer ({@code 404 page not found}, without the custom headers).
 */
@RestControllerAdvice
final class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(CodedException.class)
	ResponseEntity<byte[]> coded(HttpServletRequest request, CodedException ex) {
		logger.error("http: Request {}, error: {}", request.getRequestURI(), ex.getMessage());
		return ApiResponses.error(request, ex.status(), ex.getMessage());
	}

	@ExceptionHandler(NoHandlerFoundException.class)
	ResponseEntity<byte[]> notFound(HttpServletRequest request) {
		ResponseEntity<byte[]> response = ApiResponses.error(request, 404, "404 page not found\n");
		return ResponseEntity.status(404)
			.headers(response.getHeaders())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
			.body(response.getBody());
	}

}
