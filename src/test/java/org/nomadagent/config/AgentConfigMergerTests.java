package org.nomadagent.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentConfigMerger}: Nomad v0.5's merge rules (reference §4), with the
 * deliberate differences D1 and D2.
 */
class AgentConfigMergerTests {

	@Test
	void laterNonEmptyTextReplacesEarlierText() throws Exception {
		assertThat(merge("region = \"a\"", "region = \"b\"").text("region")).isEqualTo("b");
	}

	@Test
	void emptyTextNeverReplaces() throws Exception {
		assertThat(merge("region = \"a\"", "region = \"\"").text("region")).isEqualTo("a");
	}

	@Test
	void zeroNeverReplacesANumber() throws Exception {
		assertThat(merge("ports { http = 1 }", "ports { http = 0 }").integer("ports.http")).isEqualTo(1);
	}

	@Test
	void trueStaysTrue() throws Exception {
		assertThat(merge("leave_on_interrupt = true", "leave_on_interrupt = false").bool("leave_on_interrupt"))
			.isTrue();
	}

	@Test
	void bootstrapExpectIsReplacedOnlyByAPositiveValue() throws Exception {
		assertThat(merge("server { bootstrap_expect = 3 }", "server { bootstrap_expect = -1 }")
			.integer("server.bootstrap_expect")).isEqualTo(3);
	}

	@Test
	void listsAreAppendedWithDuplicatesKept() throws Exception {
		assertThat(merge("server { start_join = [\"x\"] }", "server { start_join = [\"x\"] }")
			.strings("server.start_join")).containsExactly("x", "x");
	}

	@Test
	void mapsAreMergedKeyByKey() throws Exception {
		ConfigLayer merged = merge("client { options { foo = \"bar\" } }",
				"client { options { baz = \"zip\", foo = \"new\" } }");
		assertThat(merged.stringMap("client.options")).containsExactly(Map.entry("foo", "new"), Map.entry("baz", "zip"));
	}

	@Test
	void vaultBooleansAreReplacedByAnyExplicitValue() throws Exception {
		ConfigLayer merged = merge("vault {\n enabled = false\n allow_unauthenticated = true\n tls_skip_verify = true\n}",
				"vault {\n enabled = true\n allow_unauthenticated = false\n}");
		assertThat(merged.optionalBool("vault.enabled")).contains(true);
		assertThat(merged.optionalBool("vault.allow_unauthenticated")).contains(false);
		assertThat(merged.optionalBool("vault.tls_skip_verify")).contains(true);
	}

	@Test
	void consulBooleansCanBeTurnedOff() throws Exception {
		// D1: Nomad v0.5 merged them "true wins", so false never took effect.
		ConfigLayer merged = AgentConfigMerger.merge(AgentDefaults.defaults(),
				layer("consul {\n auto_advertise = false\n server_auto_join = false\n verify_ssl = false\n}"));
		assertThat(merged.optionalBool("consul.auto_advertise")).contains(false);
		assertThat(merged.optionalBool("consul.server_auto_join")).contains(false);
		assertThat(merged.optionalBool("consul.client_auto_join")).contains(true);
		assertThat(merged.optionalBool("consul.verify_ssl")).contains(false);
	}

	@Test
	void checksUseAdvertiseSurvivesTheMerge() throws Exception {
		// D2: Nomad v0.5 did not merge it at all.
		ConfigLayer merged = AgentConfigMerger.merge(AgentDefaults.defaults(),
				layer("consul { checks_use_advertise = true }"));
		assertThat(merged.optionalBool("consul.checks_use_advertise")).contains(true);
	}

	@Test
	void reservedBlocksMergeFieldByField() throws Exception {
		ConfigLayer merged = merge("client { reserved { cpu = 10\n reserved_ports = \"22\" } }",
				"client { reserved { memory = 5 } }");
		assertThat(merged.integer("client.reserved.cpu")).isEqualTo(10);
		assertThat(merged.integer("client.reserved.memory")).isEqualTo(5);
		assertThat(merged.text("client.reserved.reserved_ports")).isEqualTo("22");
	}

	@Test
	void filesAreAppended() {
		ConfigLayer a = ConfigLayer.builder().file("a.hcl").build();
		ConfigLayer b = ConfigLayer.builder().file("b.hcl").build();
		assertThat(AgentConfigMerger.mergeAll(List.of(a, b)).files()).containsExactly("a.hcl", "b.hcl");
	}

	@Test
	void mergedValueKeepsTheOriginOfTheSourceThatWon() throws Exception {
		ConfigLayer merged = AgentConfigMerger.merge(AgentDefaults.defaults(), layer("region = \"b\""));
		assertThat(merged.origin("region")).hasValueSatisfying((origin) -> assertThat(origin).hasToString("t.hcl:1:10"));
		assertThat(merged.origin("datacenter")).contains(ConfigOrigin.DEFAULT);
	}

	private static ConfigLayer merge(String first, String second) throws Exception {
		return AgentConfigMerger.merge(layer(first), layer(second));
	}

	private static ConfigLayer layer(String hcl) throws Exception {
		AgentConfigDecoder.Result result = AgentConfigDecoderTests.decode(hcl);
		assertThat(result.problems()).isEmpty();
		return result.layer();
	}

}
