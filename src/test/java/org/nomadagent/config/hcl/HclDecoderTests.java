package org.nomadagent.config.hcl;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomadagent.config.hcl.HclTestInputs.decode;
import static org.nomadagent.config.hcl.HclTestInputs.decodeError;

/**
 * Decoding into plain values, including HCL v1's rules for keys that repeat.
 */
class HclDecoderTests {

	@Test
	void blocksAreListsOfMapsAndLabelsNestOneLevelEach() throws Exception {
		assertThat(decode("plugin \"docker\" { config { x = 1 } }\nmeta = {}\nl = [{a = 1}]")).isEqualTo(Map.of(
				"plugin", List.of(Map.of("docker", List.of(Map.of("config", List.of(Map.of("x", 1L)))))), "meta",
				List.of(Map.of()), "l", List.of(Map.of("a", 1L))));
	}

	@Test
	void mapsKeepSourceOrder() throws Exception {
		assertThat(decode("z = 1\na = 2\nm = 3").keySet()).containsExactly("z", "a", "m");
	}

	@Test
	void repeatedKeysDecodeIntoTheEarlierValue() throws Exception {
		assertThat(decode("x = 1\nx = 2\nb { a = 1 }\nb = { c = 2 }")).isEqualTo(
				Map.of("x", 2L, "b", List.of(Map.of("a", 1L), Map.of("c", 2L))));
		// Lists are appended to, a number after a string becomes its text, an integer after a
		// float becomes a float.
		assertThat(decode("l = [1]\nl = [2]\ns = \"a\"\ns = 0x2\nf = 1.5\nf = 2"))
			.isEqualTo(Map.of("l", List.of(1L, 2L), "s", "0x2", "f", 2.0));
	}

	@Test
	void repeatedKeysOfIncompatibleTypesFailAsInHcl() {
		assertThat(decodeError("y = \"s\"\ny = [1]").getMessage())
			.isEqualTo("test.hcl:2:5: root.y: unknown type for string *ast.ListType");
		assertThat(decodeError("x = 1\nx = 2.5").reason()).isEqualTo("root.x: unknown type *ast.LiteralType");
		assertThat(decodeError("x = 1\nx = \"s\"").reason()).isEqualTo("strconv.ParseInt: parsing \"s\": invalid syntax");
		assertThat(decodeError("a { x = 1 }\na \"b\" { y = 2 }").reason()).isEqualTo("root.a[0]: map must have string keys");
	}

	@Test
	void labelledBlocksAreGatheredIgnoringCaseAsInHcl() throws Exception {
		List<Object> both = List.of(Map.of("a", List.of(Map.of("x", 1L))), Map.of("b", List.of(Map.of("y", 2L))));
		assertThat(decode("p \"a\" { x = 1 }\nP \"b\" { y = 2 }")).isEqualTo(Map.of("p", both, "P", both));
	}

	@Test
	void manyLabelledBlocksDecodeInLinearTime() throws Exception {
		StringBuilder content = new StringBuilder();
		for (int i = 0; i < 50_000; i++) {
			content.append("block_").append(i).append(" \"label\" { x = ").append(i).append(" }\n");
		}
		assertThat(decode(content.toString())).hasSize(50_000);
	}

	@Test
	void documentWhoseDecodingGrowsQuadraticallyIsRefused() {
		// Every spelling of "key" gathers all 4096 blocks again, as in HCL v1: 4096 x 4096 maps.
		StringBuilder content = new StringBuilder();
		for (int i = 0; i < 4096; i++) {
			StringBuilder key = new StringBuilder();
			for (int bit = 0; bit < 12; bit++) {
				key.append(((i >> bit) & 1) == 0 ? 'k' : 'K');
			}
			content.append(key).append(" \"label\" { }\n");
		}
		assertThat(decodeError(content.toString()).reason()).startsWith("document too large to decode");
	}

}
