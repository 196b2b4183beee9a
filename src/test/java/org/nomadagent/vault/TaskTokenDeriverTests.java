package org.nomadagent.vault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nomadagent.config.Secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the parts of {@link TaskTokenDeriver} that need no Vault: the request body and the
 * checks of {@link TaskTokenRequest}.
 */
class TaskTokenDeriverTests {

	@Test
	void bodyForARootServerTokenHasAPeriod() {
		assertThat(TaskTokenDeriver.body(List.of("foo"), "alloc", "node", "web", "72h", true))
			.isEqualTo("{\"policies\":[\"foo\"],\"meta\":{\"AllocationID\":\"alloc\",\"NodeID\":\"node\","
					+ "\"Task\":\"web\"},"
					+ "\"ttl\":\"72h\",\"period\":\"72h\",\"display_name\":\"alloc-web\",\"num_uses\":0}");
	}

	@Test
	void bodyForARoleServerTokenHasNoPeriod() {
		assertThat(TaskTokenDeriver.body(List.of("foo", "bar"), "alloc", "node", "web", "1h", false))
			.isEqualTo("{\"policies\":[\"foo\",\"bar\"],\"meta\":{\"AllocationID\":\"alloc\",\"NodeID\":\"node\","
					+ "\"Task\":\"web\"},\"ttl\":\"1h\",\"display_name\":\"alloc-web\",\"num_uses\":0}");
	}

	@Test
	void bodyEscapesTextAsGoDoes() {
		assertThat(TaskTokenDeriver.body(List.of("a\"b"), "alloc", "node", "<web>", "72h", false))
			.contains("[\"a\\\"b\"]")
			.contains("\"Task\":\"\\u003cweb\\u003e\"");
	}

	@Test
	void requestWithoutNodeIsRefused() {
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> new TaskTokenRequest("", "alloc", Map.of("web", List.of("foo"))).validate())
			.withMessage("missing node ID")
			.satisfies((ex) -> assertThat(ex.recoverable()).isFalse());
	}

	@Test
	void requestWithoutAllocationIsRefused() {
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> new TaskTokenRequest("node", null, Map.of("web", List.of("foo"))).validate())
			.withMessage("missing allocation ID");
	}

	@Test
	void requestWithoutTasksIsRefused() {
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> new TaskTokenRequest("node", "alloc", Map.of()).validate())
			.withMessage("no tasks specified");
	}

	@Test
	void requestForTasksWithoutPoliciesNamesThemInOrder() {
		Map<String, List<String>> tasks = new LinkedHashMap<>();
		tasks.put("z", List.of());
		tasks.put("web", List.of("foo"));
		tasks.put("a", null);
		assertThatExceptionOfType(VaultOperationException.class)
			.isThrownBy(() -> new TaskTokenRequest("node", "alloc", tasks).validate())
			.withMessage("Requested Vault tokens for tasks without defined Vault policies: z, a");
	}

	@Test
	void derivedTokensNeverPrintTheirTokens() {
		DerivedTaskTokens tokens = new DerivedTaskTokens(Map.of("web", new Secret("s.wrapping-secret")), List.of());
		assertThat(tokens).asString().doesNotContain("wrapping-secret");
	}

}
