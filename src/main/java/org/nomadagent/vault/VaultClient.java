package org.nomadagent.vault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.nomadagent.config.Secret;
import org.nomadagent.tls.TlsRequestFactory;
import org.nomadagent.tls.TlsSetupException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.vault.authentication.SimpleSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestOperations;

/**
 * The server's Vault client: the requests Nomad v0.5's server makes, exactly (method, path,
 * {@code X-Vault-Token}, {@code X-Vault-Wrap-TTL}, body), on a {@link VaultTemplate} built from the
 * {@code vault} options with the agent's TLS (PEM CA file or directory, PEM client certificate,
 * SNI, skip-verify) and Nomad's 60 s timeout. Errors come back as {@link VaultClientException}
 * in the words of Nomad's Vault library.
 */
public class VaultClient {

	/** The header that asks Vault to wrap a response. */
	static final String WRAP_TTL_HEADER = "X-Vault-Wrap-TTL";

	/** The wrapping TTL of derived task tokens (Nomad's vaultTokenCreateTTL). */
	static final String WRAP_TTL = "60s";

	/** The timeout of the Vault library Nomad uses. */
	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String REDACTED = "<redacted>";

	private final VaultTemplate template;

	private final VaultResponseReader responses;

	VaultClient(VaultTemplate template, URI address) {
		this.template = template;
		this.responses = new VaultResponseReader(address);
	}

	/**
	 * Creates the client of a server.
	 * @param settings the checked {@code vault} options
	 * @param workingDirectory the directory relative TLS file names are resolved against
	 * @return the client
	 * @throws org.nomadagent.agent.AgentStartupException with Nomad's message when the TLS
	 * options cannot be used
	 */
	public static VaultClient create(VaultServerSettings settings, Path workingDirectory) {
		TlsRequestFactory requests;
		try {
			requests = TlsRequestFactory.of(settings.tls(), workingDirectory, TIMEOUT, TIMEOUT);
		}
		catch (TlsSetupException ex) {
			throw VaultServerSettings.failed("Failed to create Vault API config: " + ex.getMessage(), ex);
		}
		VaultEndpoint endpoint = VaultEndpoint.from(settings.address());
		SimpleSessionManager session = new SimpleSessionManager(new TokenAuthentication(settings.token().value()));
		return new VaultClient(new VaultTemplate(endpoint, requests, session), settings.address());
	}

	/**
	 * Checks that Vault answers: {@code GET /v1/sys/init}.
	 */
	public void initStatus() {
		send(HttpMethod.GET, "sys/init", "sys/init", null, null);
	}

	/**
	 * Looks up the server's own token: {@code GET /v1/auth/token/lookup-self}.
	 */
	public VaultTokenInfo lookupSelf() {
		Map<String, Object> response = send(HttpMethod.GET, "auth/token/lookup-self", "auth/token/lookup-self", null,
				null);
		return VaultTokenInfo.from(VaultValues.object(response, "data"));
	}

	/**
	 * Reads a token role: {@code GET /v1/auth/token/roles/<role>}.
	 * @param role the role
	 * @return the role, or empty when Vault has no such role
	 */
	Optional<VaultRole> readRole(String role) {
		try {
			Map<String, Object> response = send(HttpMethod.GET, "auth/token/roles/{role}",
					"auth/token/roles/" + role, null, null, role);
			return Optional.of(VaultRole.from(VaultValues.object(response, "data")));
		}
		catch (VaultClientException ex) {
			if (ex.status() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Renews the server's own token: {@code PUT /v1/auth/token/renew-self {"increment":<seconds>}}.
	 * @param increment the requested TTL, in seconds
	 * @return the lease duration Vault granted, or empty when the answer has no {@code auth} block
	 */
	public OptionalLong renewSelf(long increment) {
		Map<String, Object> response = send(HttpMethod.PUT, "auth/token/renew-self", "auth/token/renew-self",
				"{\"increment\":" + increment + "}", null);
		Map<String, Object> auth = VaultValues.object(response, "auth");
		return (auth != null) ? OptionalLong.of(VaultValues.number(auth, "lease_duration")) : OptionalLong.empty();
	}

	/**
	 * Creates a response-wrapped child token: {@code POST /v1/auth/token/create} (root server
	 * token) or {@code POST /v1/auth/token/create/<role>}, with {@code X-Vault-Wrap-TTL: 60s}.
	 * @param role the server token's role, or {@code null} to create from a root token
	 * @param body the request body, as Nomad writes it
	 * @return the wrap information, or empty when Vault did not wrap the answer
	 */
	Optional<WrapInfo> createWrappedToken(String role, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(WRAP_TTL_HEADER, WRAP_TTL);
		Map<String, Object> response = (role != null)
				? send(HttpMethod.POST, "auth/token/create/{role}", "auth/token/create/" + role, body, headers, role)
				: send(HttpMethod.POST, "auth/token/create", "auth/token/create", body, headers);
		return Optional.ofNullable(VaultValues.object(response, "wrap_info")).map(WrapInfo::from);
	}

	/**
	 * Looks up somebody else's token with the server's token:
	 * {@code GET /v1/auth/token/lookup/<token>}. Errors show the path with the token redacted.
	 * @param token the token to look up
	 * @return what Vault says of it
	 */
	public VaultTokenInfo lookupToken(Secret token) {
		Map<String, Object> response = send(HttpMethod.GET, "auth/token/lookup/{token}",
				"auth/token/lookup/" + REDACTED, null, null, token.value());
		return VaultTokenInfo.from(VaultValues.object(response, "data"));
	}

	/**
	 * Revokes a token by its accessor: {@code POST /v1/auth/token/revoke-accessor/<accessor>}.
	 * @param accessor the accessor
	 */
	public void revokeAccessor(String accessor) {
		send(HttpMethod.POST, "auth/token/revoke-accessor/{accessor}", "auth/token/revoke-accessor/" + accessor, null,
				null, accessor);
	}

	private Map<String, Object> send(HttpMethod method, String path, String shownPath, String body,
			HttpHeaders extraHeaders, Object... variables) {
		HttpHeaders headers = new HttpHeaders();
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		if (extraHeaders != null) {
			headers.addAll(extraHeaders);
		}
		HttpEntity<String> entity = new HttpEntity<>(body, headers);
		return this.template.doWithSession((operations) -> {
			try {
				ResponseEntity<String> response = operations.exchange(path, method, entity, String.class, variables);
				response = followRedirect(operations, method, response, entity);
				return this.responses.body(method, shownPath, response.getBody());
			}
			catch (HttpStatusCodeException ex) {
				throw this.responses.error(method, shownPath, ex.getStatusCode().value(),
						ex.getResponseBodyAsString());
			}
			catch (ResourceAccessException ex) {
				throw this.responses.unreachable(method, shownPath, ex);
			}
		});
	}

	/**
	 * Follows one redirect, as Nomad's Vault library does: a standby Vault answers 307 with the
	 * active node's address. A redirect from HTTPS to HTTP is refused.
	 */
	private ResponseEntity<String> followRedirect(RestOperations operations, HttpMethod method,
			ResponseEntity<String> response, HttpEntity<String> entity) {
		int status = response.getStatusCode().value();
		URI location = response.getHeaders().getLocation();
		if ((status != 301 && status != 302 && status != 307) || location == null) {
			return response;
		}
		URI target = this.responses.resolve(location);
		if (this.responses.isHttps() && !"https".equals(target.getScheme().toLowerCase(Locale.ROOT))) {
			throw new VaultClientException("redirect would cause protocol downgrade", status, null);
		}
		return operations.exchange(target, method, entity, String.class);
	}

}
