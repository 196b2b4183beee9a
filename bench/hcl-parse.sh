#!/usr/bin/env bash
# Parse-throughput benchmark of the HCL parser: generates a ~1 MB agent configuration as HCL and
# as JSON, runs the JMH benchmark on both and prints MB/s. Needs Java 17 and Maven; JMH comes from
# Maven Central through the "bench" profile. Extra arguments go to JMH (e.g. -f 2 -i 10).
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
results=bench/results
mkdir -p "$out" "$results"

echo "Building (profile bench)..."
mvn -B -q -Pbench -DskipTests compile dependency:build-classpath \
	-Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=compile
classpath="target/classes:$(cat "$out/classpath.txt")"

java -cp "$classpath" org.nomadagent.bench.AgentConfigGenerator "$out"
hcl_bytes=$(wc -c < "$out/agent.hcl")
json_bytes=$(wc -c < "$out/agent.json")
echo "Input: agent.hcl ${hcl_bytes} bytes, agent.json ${json_bytes} bytes"

java -cp "$classpath" org.openjdk.jmh.Main HclParseBenchmark -p directory="$out" \
	-rf csv -rff "$results/hcl-parse.csv" "$@" | tee "$results/hcl-parse.txt"

echo
echo "Throughput (MB = 10^6 bytes of input):"
# CSV columns: Benchmark,Mode,Threads,Samples,Score,Score Error,Unit,Param: directory,Param: format
tail -n +2 "$results/hcl-parse.csv" | tr -d '"' | while IFS=, read -r name mode threads samples score error unit directory format; do
	bytes=$hcl_bytes
	[ "$format" = json ] && bytes=$json_bytes
	awk -v n="${name##*.}" -v f="$format" -v s="$score" -v e="$error" -v b="$bytes" \
		'BEGIN { printf "  %-15s %-5s %8.1f MB/s (+- %.1f)\n", n, f, s * b / 1e6, e * b / 1e6 }'
done
