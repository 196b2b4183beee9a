package org.nomadagent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nomadagent.config.hcl.HclDecodeException;
import org.nomadagent.config.hcl.HclDecoder;
import org.nomadagent.config.hcl.HclObject;
import org.nomadagent.config.hcl.HclParseException;
import org.nomadagent.config.hcl.HclParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses (and parses and decodes) one generated document per operation; the script turns
 * operations per second into MB/s with the file size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class HclParseBenchmark {

	@Param({ "hcl", "json" })
	public String format;

	@Param("target/bench")
	public String directory;

	private String content;

	@Setup
	public void load() throws IOException {
		this.content = Files.readString(Path.of(this.directory, "agent." + this.format), StandardCharsets.UTF_8);
	}

	@Benchmark
	public HclObject parse() throws HclParseException {
		return HclParser.parse("agent." + this.format, this.content);
	}

	@Benchmark
	public Map<String, Object> parseAndDecode() throws HclParseException, HclDecodeException {
		return HclDecoder.decode(HclParser.parse("agent." + this.format, this.content));
	}

}
