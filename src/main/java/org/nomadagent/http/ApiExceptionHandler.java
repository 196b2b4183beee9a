package org.nomadagent.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
	void coded(HttpServletRequest request, HttpServletResponse response, CodedException ex) {
		logger.error("http: Request {}, error: {}", request.getRequestURI(), ex.getMessage());
		ApiResponses.error(request, response, ex.status(), ex.getMessage());
	}

	@ExceptionHandler(NoHandlerFoundException.class)
	void notFound(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		ApiResponses.error(request, response, 404, "404 page not found\n");
	}

}
