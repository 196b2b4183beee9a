package org.nomadagent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nomadagent.config.hcl.HclParseException;
import org.nomadagent.config.hcl.HclParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentConfigDecoder}.
 */
class AgentConfigDecoderTests {

	@Test
	void fullFileSetsEveryKeyOfTheSchema() throws Exception {
		AgentConfigDecoder.Result result = decodeResource("full.hcl");
		assertThat(result.problems()).isEmpty();
		for (ConfigField field : AgentConfigSchema.fields()) {
			boolean set = switch (field.kind()) {
				case STRING_LIST -> result.layer().hasList(field);
				case STRING_MAP -> !result.layer().map(field).isEmpty();
				default -> result.layer().setting(field).isPresent();
			};
			assertThat(set).as(field.path()).isTrue();
		}
	}

	@Test
	void fullFileDecodesToTheWrittenValues() throws Exception {
		ConfigLayer layer = decodeResource("full.hcl").layer();
		assertThat(layer.text("region")).isEqualTo("eu-west");
		assertThat(layer.integer("ports.http")).isEqualTo(5646);
		assertThat(layer.bool("enable_debug")).isTrue();
		assertThat(layer.strings("client.servers")).containsExactly("10.0.0.10", "10.0.0.11:4647");
		assertThat(layer.stringMap("client.options")).containsExactly(Map.entry("driver.raw_exec.enable", "1"),
				Map.entry("driver.whitelist", "exec,raw_exec"));
		assertThat(layer.text("client.reserved.reserved_ports")).isEqualTo("22,80,8000-8002");
		assertThat(layer.integer("consul.timeout")).isEqualTo(2_000_000_000L);
		assertThat(layer.optionalBool("consul.auto_advertise")).contains(false);
		assertThat(layer.optionalBool("vault.allow_unauthenticated")).contains(false);
		assertThat(layer.text("server.encrypt")).isEqualTo("USQAMDDrYZs9h0oOkMQJSg==");
		assertThat(layer.stringMap("http_api_response_headers")).containsEntry("Access-Control-Allow-Origin", "*");
	}

	@Test
	void jsonTwinOfTheFullFileDecodesToTheSameConfiguration() throws Exception {
		AgentVersion version = new AgentVersion("1", "", "");
		Map<String, Object> hcl = AgentConfigView.of(new AgentConfig(decodeResource("full.hcl").layer(), false), version);
		AgentConfigDecoder.Result json = decodeResource("full.json");
		assertThat(json.problems()).isEmpty();
		assertThat(AgentConfigView.of(new AgentConfig(json.layer(), false), version)).isEqualTo(hcl);
	}

	@Test
	void valuesKeepTheirPositions() throws Exception {
		ConfigLayer layer = decode("region = \"x\"\n\nclient {\n  meta {\n    rack = \"r1\"\n  }\n}\n").layer();
		assertThat(layer.origin("region")).hasValueSatisfying((origin) -> assertThat(origin).hasToString("t.hcl:1:10"));
		assertThat(layer.map(AgentConfigSchema.field("client.meta")).get("rack").origin()).hasToString("t.hcl:5:12");
	}

	@Test
	void unknownKeysAreReportedWithBlockPositionAndSuggestion() throws Exception {
		List<ConfigProblem> problems = decode("regoin = \"x\"\nserver {\n  bootstrap_expcet = 3\n  raft_protocol = 3\n}\nacl {}\n")
			.problems();
		assertThat(problems).extracting(ConfigProblem::toString)
			.containsExactly("t.hcl:1:1: config: invalid key: regoin (did you mean \"region\"?)",
					"t.hcl:3:3: server -> invalid key: bootstrap_expcet (did you mean \"bootstrap_expect\"?)",
					"t.hcl:4:3: server -> invalid key: raft_protocol (a key of later Nomad versions; the v0.5 agent does not accept it)",
					"t.hcl:6:1: config: invalid key: acl (a key of later Nomad versions; the v0.5 agent does not accept it)");
	}

	@Test
	void keysAreCaseSensitive() throws Exception {
		assertThat(decode("Region = \"x\"\n").problems()).extracting(ConfigProblem::message)
			.containsExactly("config: invalid key: Region (did you mean \"region\"?)");
	}

	@Test
	void valuesConvertWithNomadsWeakRules() throws Exception {
		ConfigLayer layer = decode("region = 5\ndatacenter = true\nname = 1.50\nports {\n  http = \"0x10\"\n  rpc = 010\n"
				+ "  serf = 1.9\n}\nleave_on_interrupt = \"t\"\nleave_on_terminate = 1\nenable_syslog = \"\"\n")
			.layer();
		assertThat(layer.text("region")).isEqualTo("5");
		assertThat(layer.text("datacenter")).isEqualTo("1");
		assertThat(layer.text("name")).isEqualTo("1.5");
		assertThat(layer.integer("ports.http")).isEqualTo(16);
		assertThat(layer.integer("ports.rpc")).isEqualTo(8);
		assertThat(layer.integer("ports.serf")).isEqualTo(1);
		assertThat(layer.bool("leave_on_interrupt")).isTrue();
		assertThat(layer.bool("leave_on_terminate")).isTrue();
		assertThat(layer.bool("enable_syslog")).isFalse();
	}

	@Test
	void valuesThatDoNotConvertAreReportedAsNomadWordsThem() throws Exception {
		List<ConfigProblem> problems = decode("leave_on_terminate = \"yes\"\nclient {\n  network_speed = \"fast\"\n"
				+ "  servers = \"a\"\n  meta = []\n}\nconsul {\n  timeout = \"abc\"\n}\ntelemetry {\n"
				+ "  collection_interval = \"5\"\n}\n")
			.problems();
		assertThat(problems).extracting(ConfigProblem::toString)
			.containsExactly(
					"t.hcl:1:22: cannot parse 'leave_on_terminate' as bool: strconv.ParseBool: parsing \"yes\": invalid syntax",
					"t.hcl:3:19: client -> cannot parse 'network_speed' as int: strconv.ParseInt: parsing \"fast\": invalid syntax",
					"t.hcl:4:13: client -> 'servers': source data must be an array or slice, got string",
					"t.hcl:5:10: client -> 'meta' expected a map, got 'slice'",
					"t.hcl:8:13: consul -> time: invalid duration \"abc\"",
					"t.hcl:11:25: telemetry -> error parsing value of \"collection_interval\": time: missing unit in duration \"5\"");
	}

	@Test
	void blocksMayAppearOnlyOncePerFile() throws Exception {
		assertThat(decode("client {}\nclient {}\n").problems()).extracting(ConfigProblem::toString)
			.containsExactly("t.hcl:2:1: client -> only one 'client' block allowed");
		assertThat(decode("{\"client\": [{\"enabled\": true}, {\"enabled\": false}]}").problems()).hasSize(1);
	}

	@Test
	void blockGivenAScalarIsReportedNamingTheBlock() throws Exception {
		assertThat(decode("server = \"x\"\n").problems()).extracting(ConfigProblem::message)
			.containsExactly("server -> server value: should be an object");
	}

	@Test
	void mapBlocksMayRepeatAndMergeKeyByKey() throws Exception {
		ConfigLayer layer = decode("client {\n  options { a = \"1\"\n b = \"2\" }\n  options = { b = \"3\" }\n}\n").layer();
		assertThat(layer.stringMap("client.options")).containsExactly(Map.entry("a", "1"), Map.entry("b", "3"));
	}

	@Test
	void jsonBlockMadeOnlyOfObjectsLoads() throws Exception {
		// HCL v1 flattens this JSON into "client options {...}" and "client reserved {...}";
		// Nomad v0.5 crashed on it.
		AgentConfigDecoder.Result result = decode(
				"{\"client\": {\"options\": {\"driver.raw_exec.enable\": \"1\"}, \"reserved\": {\"cpu\": 10}}}");
		assertThat(result.problems()).isEmpty();
		assertThat(result.layer().stringMap("client.options")).containsEntry("driver.raw_exec.enable", "1");
		assertThat(result.layer().integer("client.reserved.cpu")).isEqualTo(10);
	}

	@Test
	void labelledBlockReportsTheLabelAsAnInvalidKey() throws Exception {
		assertThat(decode("server \"x\" {\n  enabled = true\n}\n").problems()).extracting(ConfigProblem::message)
			.containsExactly("server -> invalid key: x");
	}

	@Test
	void ignoredBlocksAreNotChecked() throws Exception {
		AgentConfigDecoder.Result result = decode("interfaces { foo = [1] }\nclient {\n  stats { bar { baz = 1 } }\n}\n");
		assertThat(result.problems()).isEmpty();
	}

	@Test
	void reservedPortsAreCheckedWhenRead() throws Exception {
		assertThat(decode("client {\n  reserved {\n    reserved_ports = \"3-1\"\n  }\n}\n").problems())
			.extracting(ConfigProblem::toString)
			.containsExactly(
					"t.hcl:3:22: client -> reserved -> invalid range: starting value (1) less than ending (3) value");
	}

	@Test
	void repeatedScalarKeepsTheLastValue() throws Exception {
		assertThat(decode("region = \"a\"\nregion = \"b\"\n").layer().text("region")).isEqualTo("b");
	}

	@Test
	void everyMistakeOfAFileIsReported() throws Exception {
		assertThat(decode("bogus = 1\nports {\n  http = \"x\"\n}\nclient {\n  enabled = \"maybe\"\n}\n").problems())
			.hasSize(3);
	}

	static AgentConfigDecoder.Result decode(String text) throws HclParseException {
		return AgentConfigDecoder.decode(HclParser.parse("t.hcl", text));
	}

	private static AgentConfigDecoder.Result decodeResource(String name) throws IOException, HclParseException {
		try (var in = AgentConfigDecoderTests.class.getResourceAsStream("/config/" + name)) {
			return AgentConfigDecoder.decode(HclParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
	}

}
