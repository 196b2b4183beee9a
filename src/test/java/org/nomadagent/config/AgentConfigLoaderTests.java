package org.nomadagent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentConfigLoader}: Nomad v0.5's {@code LoadConfig} and
 * {@code LoadConfigDir} (reference §1).
 */
class AgentConfigLoaderTests {

	@TempDir
	Path dir;

	@Test
	void loadWhenDirectoryHasEditorTempFilesAndOtherNamesSkipsThem() throws IOException {
		Path config = Files.createDirectories(this.dir.resolve("nomad.d"));
		for (String name : List.of("B.hcl", "a.hcl", "c.txt", "x.hcl~", ".#y.hcl", "#z.hcl#", "z.json", "U.HCL",
				".hidden.hcl")) {
			Files.writeString(config.resolve(name), "region = \"" + name + "\"\n");
		}
		Files.createDirectories(config.resolve("sub"));
		Files.writeString(config.resolve("sub/a.hcl"), "region = \"sub\"\n");
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("nomad.d"));
		assertThat(result.failures()).isEmpty();
		assertThat(result.layer().files()).containsExactly("nomad.d/.hidden.hcl", "nomad.d/B.hcl", "nomad.d/a.hcl",
				"nomad.d/z.json");
		assertThat(result.layer().text("region")).isEqualTo("z.json");
	}

	@Test
	void loadKeepsTheOrderOfThePathsAndRecordsTheFiles() throws IOException {
		// After Nomad's TestConfig_LoadConfigsFileOrder.
		Path etc = Files.createDirectories(this.dir.resolve("etcnomad"));
		Files.writeString(etc.resolve("common.hcl"), "bind_addr = \"0.0.0.0\"\n");
		Files.writeString(etc.resolve("dummy"), "not read: no extension\n");
		Files.writeString(etc.resolve("server.json"), "{\"advertise\": {\"rpc\": \"10.0.0.1\"}}\n");
		Files.writeString(this.dir.resolve("myconf"), "data_dir = \"/tmp\"\n");
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("etcnomad", "./myconf"));
		assertThat(result.layer().files()).containsExactly("etcnomad/common.hcl", "etcnomad/server.json", "myconf");
	}

	@Test
	void loadWhenDirectoryHasClientBlocksWithAndWithoutReservedMergesThem() throws IOException {
		// D7: Nomad v0.5 crashed on a nil pointer here.
		Path config = Files.createDirectories(this.dir.resolve("d"));
		Files.writeString(config.resolve("1.hcl"), "client { enabled = true }\n");
		Files.writeString(config.resolve("2.hcl"), "client {\n  reserved {\n    cpu = 100\n  }\n}\n");
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("d"));
		assertThat(result.failures()).isEmpty();
		assertThat(result.layer().integer("client.reserved.cpu")).isEqualTo(100);
		assertThat(result.layer().bool("client.enabled")).isTrue();
	}

	@Test
	void loadWhenDirectoryIsEmptyWarnsAndLoadsNothing() throws IOException {
		Files.createDirectories(this.dir.resolve("empty"));
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("empty"));
		assertThat(result.failures()).isEmpty();
		assertThat(result.layer().isEmpty()).isTrue();
		assertThat(result.warnings()).containsExactly("No configuration loaded from empty");
	}

	@Test
	void loadWhenFileIsEmptyRecordsItWithoutWarning() throws IOException {
		Files.writeString(this.dir.resolve("empty.hcl"), "");
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("empty.hcl"));
		assertThat(result.warnings()).isEmpty();
		assertThat(result.layer().files()).containsExactly("empty.hcl");
	}

	@Test
	void loadWhenPathDoesNotExistReportsNomadsStatError() {
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("missing.hcl"));
		assertThat(result.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.path()).isEqualTo("missing.hcl");
			assertThat(failure.problems()).extracting(ConfigProblem::message)
				.containsExactly("stat missing.hcl: no such file or directory");
		});
	}

	@Test
	void loadDecidesJsonByContentNotByExtension() throws IOException {
		Files.writeString(this.dir.resolve("a.hcl"), "  {\"region\": \"json\"}");
		Files.writeString(this.dir.resolve("b.json"), "datacenter = \"hcl\"\n");
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("a.hcl", "b.json"));
		assertThat(result.failures()).isEmpty();
		assertThat(result.layer().text("region")).isEqualTo("json");
		assertThat(result.layer().text("datacenter")).isEqualTo("hcl");
	}

	@Test
	void loadReportsTheMistakesOfEveryFileOfEveryPath() throws IOException {
		Path config = Files.createDirectories(this.dir.resolve("d"));
		Files.writeString(config.resolve("1.hcl"), "bogus = 1\n");
		Files.writeString(config.resolve("2.hcl"), "region = \"unterminated\n");
		Files.writeString(this.dir.resolve("other.hcl"), "ports { http = \"x\" }\n");
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("d", "other.hcl"));
		assertThat(result.failures()).extracting(AgentConfigLoader.Failure::file)
			.containsExactly("d/1.hcl", "d/2.hcl", "other.hcl");
	}

	@Test
	void loadReportsBytesThatAreNotUtf8AtTheirPosition() throws IOException {
		Files.write(this.dir.resolve("bad.hcl"), new byte[] { 'a', ' ', '=', ' ', '"', (byte) 0xC3, '"', '\n' });
		AgentConfigLoader.Result result = new AgentConfigLoader(this.dir).load(List.of("bad.hcl"));
		assertThat(result.failures()).singleElement()
			.satisfies((failure) -> assertThat(failure.problems()).extracting(ConfigProblem::toString)
				.containsExactly("bad.hcl:1:6: illegal UTF-8 encoding"));
	}

	@Test
	void cleanKeepsRelativePathsRelative() {
		assertThat(AgentConfigLoader.clean("a/./b.hcl")).isEqualTo("a/b.hcl");
		assertThat(AgentConfigLoader.clean("./x.hcl")).isEqualTo("x.hcl");
		assertThat(AgentConfigLoader.clean("/etc//nomad.d/")).isEqualTo("/etc/nomad.d");
	}

}
