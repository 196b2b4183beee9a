#!/usr/bin/env bash
# How long `nomad-agent config validate` takes on a directory of 1,000 small configuration files,
# beyond the JVM's own start: runs `nomad-agent version` (JVM start, no configuration) and
# `config validate -config=<dir>` several times each and prints the medians and their difference.
# Usage: bench/config-validate.sh [runs] [files]     (defaults: 7 runs, 1000 files)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
files=${2:-1000}
jar=target/nomad-agent.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir="$work/nomad.d"
mkdir -p "$dir"
# A realistic split configuration: one base file, then many small files adding meta, options and
# joins, as a configuration management tool would write them.
cat > "$dir/0000-base.hcl" <<'HCL'
data_dir  = "/var/lib/nomad"
bind_addr = "127.0.0.1"
server {
  enabled          = true
  bootstrap_expect = 1
}
client {
  enabled = true
}
HCL
for i in $(seq 1 $((files - 1))); do
	printf 'client {\n  meta {\n    "team-%d" = "owner-%d"\n  }\n  options {\n    "custom.%d" = "%d"\n  }\n}\nserver {\n  retry_join = ["10.0.%d.%d"]\n}\n' \
		"$i" "$i" "$i" "$i" $((i / 250)) $((i % 250)) > "$dir/$(printf '%04d' "$i").hcl"
done
echo "Input: $(ls "$dir" | wc -l) files, $(cat "$dir"/* | wc -c) bytes"

# Prints the median wall time, in milliseconds, of running the given command $runs times.
median_ms() {
	local times=()
	for _ in $(seq 1 "$runs"); do
		local start end
		start=$(date +%s%N)
		"$@" > /dev/null 2>&1
		end=$(date +%s%N)
		times+=($(( (end - start) / 1000000 )))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

java -jar "$jar" config validate -config="$dir" 2> /dev/null | cut -c1-60
start=$(median_ms java -jar "$jar" version)
validate=$(median_ms java -jar "$jar" config validate -config="$dir")
echo "JVM start (nomad-agent version):        ${start} ms (median of $runs)"
echo "config validate on $files files:          ${validate} ms (median of $runs)"
echo "beyond JVM start:                        $((validate - start)) ms"
