#!/usr/bin/env bash
# Start-up and HTTP benchmarks of the agent (`agent -dev`), on this machine:
#   - time from process start to the first 200 on /v1/agent/self: the median of STARTS starts
#     (default 7), with the fastest and slowest, because on 2 cores one start differs from the
#     next by several hundred milliseconds,
#   - resident memory (RSS) once started, and after the load,
#   - requests/s on /v1/agent/self and /v1/status/leader with wrk, 2 threads, 32 connections.
# Each way of launching the agent is measured in turn (see the end of the file), so the effect of
# each start-up step is visible. wrk comes from Debian (installed when missing and running as
# root). The agent is started and stopped by the script.
# Usage: bench/agent-http.sh [seconds-per-wrk-run]     (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
starts=${STARTS:-7}
port=${BENCH_PORT:-14646}
jar=target/nomad-agent.jar
work=target/bench-http
mkdir -p "$work" bench/results

if ! command -v wrk > /dev/null; then
	if [ "$(id -u)" = 0 ]; then
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) > /dev/null
	else
		echo "wrk is missing: apt-get install wrk" >&2
		exit 1
	fi
fi
[ -f "$jar" ] || mvn -B -q -DskipTests package

# The extracted layout (jar + lib/) loads classes from plain jars, which CDS needs.
rm -rf "$work/extracted"
java -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" > /dev/null
extracted="$work/extracted/nomad-agent.jar"

cat > "$work/ports.hcl" <<HCL
ports {
  http = $port
}
HCL
agent_args=(agent -dev -log-level=INFO "-config=$work/ports.hcl")

agent_pid=
stop_agent() {
	if [ -n "$agent_pid" ] && kill -0 "$agent_pid" 2> /dev/null; then
		# SIGTERM: a background job of a script starts with SIGINT ignored.
		kill -TERM "$agent_pid" 2> /dev/null || true
		wait "$agent_pid" 2> /dev/null || true
	fi
	agent_pid=
}
trap stop_agent EXIT

# Starts the agent with the given java command line; sets agent_pid, and ready_ms to the
# milliseconds from the process start to the first 200 on /v1/agent/self.
start_agent() {
	local start now
	start=$(date +%s%N)
	"$@" "${agent_args[@]}" > "$work/agent.log" 2>&1 &
	agent_pid=$!
	until curl -fs -o /dev/null "http://127.0.0.1:$port/v1/agent/self"; do
		kill -0 "$agent_pid" 2> /dev/null || { echo "agent died:" >&2; cat "$work/agent.log" >&2; exit 1; }
		sleep 0.01
	done
	now=$(date +%s%N)
	ready_ms=$(( (now - start) / 1000000 ))
}

rss_mb() {
	awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$agent_pid/status"
}

rps() {
	wrk -t2 -c32 -d"${duration}s" "http://127.0.0.1:$port$1" | awk '/Requests\/sec/ { printf "%d", $2 }'
}

measure() {
	local name=$1
	shift
	local times=() rss_start self leader rss_end i median
	for ((i = 1; i < starts; i++)); do
		start_agent "$@"
		times+=("$ready_ms")
		stop_agent
	done
	start_agent "$@"
	times+=("$ready_ms")
	rss_start=$(rss_mb)
	# Warm-up, so that the JIT has compiled the request path before it is measured.
	wrk -t2 -c32 -d5s "http://127.0.0.1:$port/v1/agent/self" > /dev/null
	wrk -t2 -c32 -d5s "http://127.0.0.1:$port/v1/status/leader" > /dev/null
	self=$(rps /v1/agent/self)
	leader=$(rps /v1/status/leader)
	rss_end=$(rss_mb)
	stop_agent
	mapfile -t times < <(printf '%s\n' "${times[@]}" | sort -n)
	median=${times[$(( ${#times[@]} / 2 ))]}
	printf '%-44s ready %5d ms (%d starts: %d-%d)  RSS %4d MB (after load %4d MB)  self %6d req/s  leader %6d req/s\n' \
		"$name" "$median" "${#times[@]}" "${times[0]}" "${times[-1]}" "$rss_start" "$rss_end" "$self" "$leader" \
		| tee -a bench/results/agent-http.txt
}

# Asks what the Dockerfile's training start asks, so that the archives trained here hold the
# classes the image's archive holds.
training_requests() {
	curl -fs -o /dev/null "http://127.0.0.1:$port/v1/status/leader"
	curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"
}

# Trains a CDS archive of the classes a start loads (Java 17: dynamic archive at exit), with the
# given options of the launch it is for, as the Dockerfile does.
train_cds() {
	rm -f "$work/app.jsa"
	start_agent java -XX:ArchiveClassesAtExit="$work/app.jsa" "$@" -jar "$extracted"
	training_requests
	stop_agent
}

aot=(-Dspring.aot.enabled=true)
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a bench/results/agent-http.txt
measure "fat jar" java -jar "$jar"
measure "fat jar + Spring AOT (bin/nomad-agent)" java "${aot[@]}" -jar "$jar"
measure "extracted jar" java -jar "$extracted"
train_cds
measure "extracted + AppCDS" java -XX:SharedArchiveFile="$work/app.jsa" -jar "$extracted"
train_cds "${aot[@]}"
measure "extracted + Spring AOT + AppCDS (the image)" java -XX:SharedArchiveFile="$work/app.jsa" "${aot[@]}" \
	-jar "$extracted"
small_heap=(-XX:+UseSerialGC -Xms32m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m)
measure "the image's launch + small heap" java -XX:SharedArchiveFile="$work/app.jsa" "${aot[@]}" "${small_heap[@]}" \
	-jar "$extracted"

# Java 24 and later can cache more than classes (JEP 483: linked classes; JEP 515, Java 25:
# method profiles). Give the path of such a java in AOT_JAVA to measure it too, for instance
# AOT_JAVA=/opt/jdk-25/bin/java.
if [ -n "${AOT_JAVA:-}" ]; then
	rm -f "$work/app.aot"
	start_agent "$AOT_JAVA" -XX:AOTCacheOutput="$work/app.aot" "${aot[@]}" -jar "$extracted"
	training_requests
	stop_agent
	measure "Java $("$AOT_JAVA" -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }') + Spring AOT + JVM AOT cache" \
		"$AOT_JAVA" -XX:AOTCache="$work/app.aot" "${aot[@]}" -jar "$extracted"
fi
