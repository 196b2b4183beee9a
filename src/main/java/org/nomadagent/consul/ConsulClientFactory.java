package org.nomadagent.consul;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.nomadagent.tls.TlsRequestFactory;
import org.nomadagent.tls.TlsSetupException;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds the {@link ConsulClient} of a {@link ConsulConnection}: a {@link RestClient} on the
 * JDK's HTTP client with the connection's timeout, TLS through {@link TlsRequestFactory} when
 * Consul is reached over HTTPS, the ACL token and basic authentication as default headers, and
 * a JSON mapper of its own (Consul's answers carry more fields than the agent reads).
 */
public final class ConsulClientFactory {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ConsulClientFactory() {
	}

	/**
	 * Builds the client. Nothing is sent to Consul yet.
	 * @param connection how to reach Consul
	 * @param workingDirectory the directory relative TLS file names are resolved against
	 * @return the client
	 * @throws TlsSetupException if the TLS files cannot be used
	 */
	public static ConsulClient create(ConsulConnection connection, Path workingDirectory) throws TlsSetupException {
		RestClient rest = RestClient.builder()
			.baseUrl(connection.baseUrl())
			// Buffered so that bodies go with a Content-Length, as Nomad's client sends them,
			// rather than chunked (which some proxies in front of Consul refuse).
			.requestFactory(new BufferingClientHttpRequestFactory(requestFactory(connection, workingDirectory)))
			.messageConverters(List.of(new JacksonJsonHttpMessageConverter(MAPPER)))
			.defaultHeaders((headers) -> {
				if (!connection.token().isEmpty()) {
					headers.set(ConsulClient.TOKEN_HEADER, connection.token().value());
				}
				connection.basicAuth().ifPresent((userAndPassword) -> headers.setBasicAuth(userAndPassword[0],
						userAndPassword[1], StandardCharsets.UTF_8));
			})
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
			.build()
			.createClient(ConsulClient.class);
	}

	/**
	 * Returns the mapper the client reads and writes JSON with.
	 */
	static JsonMapper mapper() {
		return MAPPER;
	}

	private static ClientHttpRequestFactory requestFactory(ConsulConnection connection, Path workingDirectory)
			throws TlsSetupException {
		if (connection.https()) {
			// Unlike Nomad v0.5, the CA and the client certificate are used with verify_ssl =
			// false too; only the server's certificate goes unchecked (docs/compatibility.md).
			return TlsRequestFactory.of(connection.tls(), workingDirectory, connection.timeout(),
					connection.timeout());
		}
		SimpleClientHttpRequestFactory plain = new SimpleClientHttpRequestFactory();
		plain.setConnectTimeout(connection.timeout());
		plain.setReadTimeout(connection.timeout());
		return plain;
	}

}
