package org.nomadagent.vault;

import java.net.ConnectException;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VaultResponseReader}: errors worded as Nomad's Vault library words them.
 */
class VaultResponseReaderTests {

	private final VaultResponseReader reader = new VaultResponseReader(URI.create("https://vault.example:8200"));

	@Test
	void errorListsVaultsErrors() {
		assertThat(this.reader.error(HttpMethod.GET, "auth/token/lookup-self", 403,
				"{\"errors\":[\"permission denied\"]}"))
			.hasMessage("Error making API request.\n\nURL: GET https://vault.example:8200/v1/auth/token/lookup-self\n"
					+ "Code: 403. Errors:\n\n* permission denied")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
	}

	@Test
	void errorThatIsNotVaultsJsonShowsTheRawBody() {
		assertThat(this.reader.error(HttpMethod.PUT, "auth/token/renew-self", 502, "Bad Gateway"))
			.hasMessage("Error making API request.\n\nURL: PUT https://vault.example:8200/v1/auth/token/renew-self\n"
					+ "Code: 502. Raw Message:\n\nBad Gateway");
	}

	@Test
	void unreachableVaultIsWordedAsGoWordsAFailedRequest() {
		ResourceAccessException ex = new ResourceAccessException("I/O error on GET request for \"x\": refused",
				new ConnectException("Connection refused"));
		assertThat(this.reader.unreachable(HttpMethod.GET, "sys/init", ex))
			.hasMessage("Get https://vault.example:8200/v1/sys/init: Connection refused")
			.satisfies((error) -> assertThat(error.status()).isZero());
	}

	@Test
	void bodyIsReadAsJson() {
		assertThat(this.reader.body(HttpMethod.GET, "sys/init", "{\"initialized\":true}"))
			.containsEntry("initialized", true);
		assertThat(this.reader.body(HttpMethod.POST, "x", "")).isEmpty();
	}

}
