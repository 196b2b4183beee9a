package org.nomadagent.config.hcl;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomadagent.config.hcl.HclTestInputs.decode;
import static org.nomadagent.config.hcl.HclTestInputs.errorAt;
import static org.nomadagent.config.hcl.HclTestInputs.parse;

/**
 * JSON documents, parsed and flattened as HCL v1.0.0's JSON parser does.
 */
class JsonParsingTests {

	@Test
	void objectsOfObjectsBecomeLabelledBlocks() throws Exception {
		HclObject root = parse("{\"plugin\": {\"docker\": {\"config\": {\"x\": 1}}}}");
		assertThat(root.items()).hasSize(1);
		assertThat(root.items().get(0).keys()).extracting(HclKey::name).containsExactly("plugin", "docker", "config");
		assertThat(decode("{\"a\": {\"b\": {\"c\": 1}, \"d\": {\"e\": 2}}}")).isEqualTo(
				Map.of("a", List.of(Map.of("b", List.of(Map.of("c", 1L))), Map.of("d", List.of(Map.of("e", 2L))))));
	}

	@Test
	void arraysOfObjectsBecomeRepeatedBlocks() throws Exception {
		assertThat(parse("{\"server\": [{\"a\": 1}, {\"b\": 2}]}").items()).hasSize(2);
		assertThat(decode("{\"server\": [{\"a\": 1}, {\"b\": 2}], \"tags\": [\"x\", 1.5], \"empty\": {}}")).isEqualTo(
				Map.of("server", List.of(Map.of("a", 1L), Map.of("b", 2L)), "tags", List.of("x", 1.5), "empty",
						List.of(Map.of())));
	}

	@Test
	void scalarsDecodeAsInHcl() throws Exception {
		assertThat(decode("{\"n\": null, \"i\": -0, \"f\": -1.5e2, \"s\": \"a\\u00e9\\n\\x41\", \"b\": false}"))
			.isEqualTo(Map.of("n", "", "i", 0L, "f", -150.0, "s", "aé\nA", "b", false));
	}

	@Test
	void lenienciesOfHclAreKept() throws Exception {
		assertThat(decode("{\"a\": 1, \"o\": {\"x\": 1,},}")).isEqualTo(Map.of("a", 1L, "o", List.of(Map.of("x", 1L))));
		// A member with a missing value before "}" is dropped; booleans and nested brackets
		// inside lists are skipped.
		assertThat(decode("{\"a\": }")).isEqualTo(Map.of());
		assertThat(decode("{\"l\": [true, 1, [2, 3]}")).isEqualTo(Map.of("l", List.of(1L, 2L, 3L)));
		// An object left open at the end of the file ends there.
		assertThat(decode("{\"a\": {\"b\": 1")).isEqualTo(Map.of("a", List.of(Map.of("b", 1L))));
		// Several keys before one colon make one multi-key item.
		assertThat(decode("{\"a\" \"b\": {\"c\": 1}}"))
			.isEqualTo(Map.of("a", List.of(Map.of("b", List.of(Map.of("c", 1L))))));
	}

	@Test
	void errorsMatchHclJsonScanner() {
		assertThat(errorAt("{\"a\": 01}")).isEqualTo("1:8: numbers cannot start with 0");
		assertThat(errorAt("{\"a\": nul}")).isEqualTo("1:9: illegal char");
		assertThat(errorAt("{\"a\": [null]}")).isEqualTo("1:8: unexpected token while parsing list: NULL");
		assertThat(errorAt("{\"a\": \"\\/\"}")).isEqualTo("1:9: illegal char escape");
		assertThat(errorAt("{\"a\": [[1,2],[3]]}")).isEqualTo("1:14: expected: STRING got: LBRACK");
	}

	@Test
	void inputHclWouldSkipIsAnError() {
		assertThat(errorAt("{\"a\": 1}\n  trailing")).isEqualTo("2:3: unexpected text after the root object");
		assertThat(errorAt("{\"a\": 1 \"b\": 2}")).isEqualTo("1:9: expected ',' or '}' after object member, got: STRING");
		assertThat(errorAt("{\"a\": 1, \"b\":")).isEqualTo("1:10: key \"b\" has no value at the end of the file");
	}

	@Test
	void surrogateEscapesAreRefusedAsGoRefusesThem() {
		assertThat(errorAt("{\"a\": \"\\ud83d\\ude00\"}"))
			.isEqualTo("1:7: invalid string \"\\ud83d\\ude00\": escape of an invalid code point: d83d");
	}

}
