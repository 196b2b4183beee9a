package org.nomadagent.telemetry;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A check's HTTPTRAP submission URL, where metrics are {@code PUT} as JSON. Over HTTPS the broker
 * is verified against the Circonus CA the API hands out, and, when the URL names the broker by IP
 * address, against the broker's certificate name (sent with SNI), as the library does.
 */
final class CirconusTrap {

	private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json", "Accept",
			"application/json");

	private final URI url;

	private final CirconusHttp http;

	CirconusTrap(URI url, CirconusHttp http) {
		this.url = url;
		this.http = http;
	}

	/**
	 * Submits metrics.
	 * @param json the metrics, as the library writes them
	 * @return the number of metrics the broker took, from its answer
	 * @throws CirconusException if the broker did not take them
	 * @throws InterruptedException if interrupted
	 */
	int submit(String json) throws CirconusException, InterruptedException {
		HttpResponse<String> response = this.http.send("PUT", this.url, HEADERS, json);
		if (response.statusCode() != 200) {
			throw new CirconusException("[ERROR] bad response code: " + response.statusCode());
		}
		try {
			JsonNode stats = CirconusApi.JSON.readTree(response.body()).path("stats");
			if (stats.isNumber()) {
				return stats.asInt();
			}
		}
		catch (JacksonException ex) {
			// Reported below.
		}
		throw new CirconusException("[ERROR] bad response type");
	}

	/**
	 * Returns an HTTP client for a submission URL.
	 * @param caCertificates PEM certificates to trust instead of the JVM's, or {@code null}
	 * @param serverName the name to check the broker's certificate against, or {@code null} for
	 * the URL's host
	 * @return the client
	 * @throws GeneralSecurityException if the certificates cannot be read
	 */
	static HttpClient client(String caCertificates, String serverName) throws GeneralSecurityException {
		HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(CirconusHttp.TIMEOUT);
		if (caCertificates != null) {
			client.sslContext(trusting(caCertificates));
		}
		if (serverName != null) {
			SSLParameters parameters = new SSLParameters();
			// The JDK checks the certificate against the SNI name when one is sent.
			parameters.setServerNames(List.of(new SNIHostName(serverName)));
			client.sslParameters(parameters);
		}
		return client.build();
	}

	private static SSLContext trusting(String pem) throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		try {
			store.load(null, null);
		}
		catch (java.io.IOException ex) {
			throw new GeneralSecurityException(ex);
		}
		int index = 0;
		for (Certificate certificate : CertificateFactory.getInstance("X.509")
			.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
			store.setCertificateEntry("circonus-" + index++, certificate);
		}
		if (index == 0) {
			throw new GeneralSecurityException("no certificate in the Circonus CA");
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
