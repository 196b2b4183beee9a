package org.nomadagent.telemetry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends a Circonus request and retries it as {@code go-retryablehttp} does for
 * {@code circonus-gometrics}: on a connection error or a 5xx answer (and a 429 for the API), up to
 * a number of retries, waiting {@code retry × 2^n} between attempts up to a maximum.
 */
final class CirconusHttp {

	/** How long connecting and each request may take, as the library's 30-second dialer. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client;

	private final int maxRetries;

	private final Duration firstWait;

	private final Duration maxWait;

	private final boolean retryTooManyRequests;

	/**
	 * Creates the sender.
	 * @param client the HTTP client
	 * @param maxRetries retries after the first attempt
	 * @param firstWait the wait before the first retry
	 * @param maxWait the longest wait
	 * @param retryTooManyRequests whether a 429 answer is retried (the API's policy)
	 */
	CirconusHttp(HttpClient client, int maxRetries, Duration firstWait, Duration maxWait,
			boolean retryTooManyRequests) {
		this.client = client;
		this.maxRetries = maxRetries;
		this.firstWait = firstWait;
		this.maxWait = maxWait;
		this.retryTooManyRequests = retryTooManyRequests;
	}

	/**
	 * Sends a request, retrying.
	 * @param method the method
	 * @param uri the URI
	 * @param headers the headers
	 * @param body the body, or {@code null}
	 * @return the last answer
	 * @throws CirconusException if every attempt failed to connect or got a retried status
	 * @throws InterruptedException if interrupted while waiting
	 */
	HttpResponse<String> send(String method, URI uri, Map<String, String> headers, String body)
			throws CirconusException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		String lastError = null;
		for (int attempt = 0;; attempt++) {
			if (attempt > 0) {
				Thread.sleep(wait(attempt - 1).toMillis());
			}
			try {
				HttpResponse<String> response = this.client.send(request.build(),
						HttpResponse.BodyHandlers.ofString());
				if (!retried(response.statusCode())) {
					return response;
				}
				lastError = "- last HTTP error: " + response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				// The path is left out: a submission URL holds the check's secret.
				lastError = method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + ": "
						+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
			}
			if (attempt >= this.maxRetries) {
				throw new CirconusException(lastError);
			}
		}
	}

	private boolean retried(int status) {
		return status == 0 || status >= 500 || (this.retryTooManyRequests && status == 429);
	}

	private Duration wait(int retry) {
		Duration wait = this.firstWait.multipliedBy(1L << Math.min(retry, 20));
		return (wait.compareTo(this.maxWait) > 0) ? this.maxWait : wait;
	}

}
