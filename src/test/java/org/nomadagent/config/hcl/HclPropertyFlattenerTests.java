package org.nomadagent.config.hcl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flattening decoded HCL into Spring property names.
 */
class HclPropertyFlattenerTests {

	@Test
	void blocksAndLabelsBecomeDottedNames() throws Exception {
		assertThat(flatten("management { server { port = 9090 } }\nplugin \"docker\" { config { x = true } }"))
			.containsExactly(Map.entry("management.server.port", 9090L), Map.entry("plugin.docker.config.x", true));
	}

	@Test
	void listsAreIndexed() throws Exception {
		assertThat(flatten("servers = [\"a\", \"b\"]\nl = [{x = 1}, [2]]\nempty = []")).containsExactly(
				Map.entry("servers[0]", "a"), Map.entry("servers[1]", "b"), Map.entry("l[0].x", 1L),
				Map.entry("l[1][0]", 2L));
	}

	@Test
	void repeatedBlocksAreMergedLeafByLeafTheLaterWinning() throws Exception {
		String first = "client { a = 1\n meta { x = \"1\" }\n s = [1, 2] }\n";
		String second = "client = { b = 2\n meta { y = \"2\" }\n a = 3\n s = [9] }";
		assertThat(flatten(first + second))
			.containsExactly(Map.entry("client.a", 3L), Map.entry("client.meta.x", "1"), Map.entry("client.meta.y", "2"),
					Map.entry("client.s[0]", 9L), Map.entry("client.b", 2L));
	}

	@Test
	void keysSpringCannotUseAsNameElementsAreBracketed() throws Exception {
		String options = "options { \"driver.raw_exec.enable\" = \"1\"\n bootstrap_expect = 3\n Mixed-Case = 1\n"
				+ " \"/bin\" = \"/bin\"\n \"-x\" = 1 }\n";
		assertThat(flatten(options + "\"a.b\" = 2"))
			.containsExactly(Map.entry("options[driver.raw_exec.enable]", "1"), Map.entry("options.bootstrap_expect", 3L),
					Map.entry("options.Mixed-Case", 1L), Map.entry("options[/bin]", "/bin"), Map.entry("options[-x]", 1L),
					Map.entry("[a.b]", 2L));
	}

	@Test
	void everyValueKeepsThePositionOfItsLiteral() throws Exception {
		Map<String, TrackedValue> flat = HclPropertyFlattener
			.flatten(HclDecoder.decodeTracked(HclTestInputs.parse("a {\n  b = [1,\n    2]\n}")));
		assertThat(flat.get("a.b[1]").position()).isEqualTo(new Position(HclTestInputs.SOURCE, 3, 5));
	}

	private static Map<String, Object> flatten(String content) throws Exception {
		Map<String, Object> values = new LinkedHashMap<>();
		HclPropertyFlattener.flatten(HclDecoder.decodeTracked(HclTestInputs.parse(content)))
			.forEach((key, value) -> values.put(key, value.value()));
		return values;
	}

}
