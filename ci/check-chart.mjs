// Assertions about the rendered nomad-agent chart, one named assertion a call, so that the CI
// script reports each by name.
//
//   node check-chart.mjs rendered.yaml <assertion> [argument]
// Exits 0 when the assertion holds, else prints why and exits 1.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const [file, assertion, argument] = process.argv.slice(2);
const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const ofKind = (kind) => docs.filter((d) => d.kind === kind);
const workloads = () => [...ofKind('StatefulSet'), ...ofKind('DaemonSet')];
const containers = (workload) => workload.spec.template.spec.containers;
const configMap = (name) => ofKind('ConfigMap').find((c) => c.metadata.name === name);
const configMapOf = (workload) => {
	const volume = workload.spec.template.spec.volumes.find((v) => v.name === 'config');
	return configMap(volume.configMap.name);
};
const problems = [];
const expect = (condition, message) => condition || problems.push(message);

const assertions = {
	// Which workloads the values switched on: "server", "client" or "server,client".
	components() {
		const wanted = argument.split(',');
		expect(ofKind('StatefulSet').length === (wanted.includes('server') ? 1 : 0), 'server StatefulSet');
		expect(ofKind('DaemonSet').length === (wanted.includes('client') ? 1 : 0), 'client DaemonSet');
	},
	// bootstrap_expect is the replica count; retry_join names every server pod through the
	// headless Service, which publishes the pods before they are ready.
	serverClustering() {
		for (const sts of ofKind('StatefulSet')) {
			const replicas = sts.spec.replicas;
			const hcl = configMapOf(sts).data['10-server.hcl'];
			expect(hcl.includes(`bootstrap_expect = ${replicas}\n`), `bootstrap_expect is not ${replicas}`);
			const headless = ofKind('Service').find((s) => s.metadata.name === sts.spec.serviceName);
			expect(headless?.spec.clusterIP === 'None', `no headless Service ${sts.spec.serviceName}`);
			expect(headless?.spec.publishNotReadyAddresses === true, 'headless Service hides unready pods');
			const joined = /retry_join\s*=\s*(\[.*\])/.exec(hcl);
			if (replicas === 1) {
				expect(!joined, 'a single server has retry_join');
				continue;
			}
			const names = joined ? JSON.parse(joined[1]) : [];
			const serf = /serf = (\d+)/.exec(configMapOf(sts).data['00-agent.hcl'])[1];
			const ns = sts.metadata.namespace;
			const expected = [...Array(replicas).keys()]
				.map((i) => `${sts.metadata.name}-${i}.${sts.spec.serviceName}.${ns}.svc.cluster.local:${serf}`);
			expect(JSON.stringify(names) === JSON.stringify(expected), `retry_join is ${JSON.stringify(names)}`);
		}
	},
	// Startup, liveness and readiness probes on the actuator endpoints, with numeric ports.
	probes() {
		for (const workload of workloads()) {
			for (const c of containers(workload)) {
				const where = `${workload.kind}/${workload.metadata.name} ${c.name}`;
				for (const [probe, path] of [['startupProbe', '/actuator/health/liveness'],
					['livenessProbe', '/actuator/health/liveness'], ['readinessProbe', '/actuator/health/readiness']]) {
					expect(c[probe]?.httpGet?.path === path, `${where}: ${probe} is not on ${path}`);
					expect(Number.isInteger(c[probe]?.httpGet?.port), `${where}: ${probe} port is not a number`);
					expect(c[probe]?.httpGet?.scheme === (argument ?? 'HTTP'), `${where}: ${probe} scheme is not ${argument ?? 'HTTP'}`);
				}
			}
		}
	},
	// Tokens reach the agent from Secrets only: never in a ConfigMap, never as a plain value.
	secretsFromSecrets() {
		for (const cm of ofKind('ConfigMap')) {
			for (const [key, text] of Object.entries(cm.data ?? {})) {
				expect(!/^\s*(token|auth)\s*=/m.test(text), `ConfigMap ${cm.metadata.name} ${key} holds a secret`);
			}
		}
		for (const workload of workloads()) {
			for (const env of containers(workload).flatMap((c) => c.env ?? [])) {
				if (/TOKEN/.test(env.name)) {
					expect(env.valueFrom?.secretKeyRef && env.value === undefined, `${env.name} is not from a Secret`);
				}
			}
		}
		for (const wanted of (argument ?? '').split(',').filter(Boolean)) {
			const [kind, name] = wanted.split(':');
			const found = ofKind(kind).flatMap((w) => containers(w)).flatMap((c) => c.env ?? [])
				.some((e) => e.name === name && e.valueFrom?.secretKeyRef);
			expect(found, `${kind} has no ${name} from a Secret`);
		}
	},
	// Unprivileged pods: a non-root user, a read-only root file system, no privilege escalation,
	// no capabilities, no service account token.
	nonRoot() {
		for (const workload of workloads()) {
			const pod = workload.spec.template.spec;
			expect(pod.securityContext?.runAsNonRoot === true, `${workload.kind}: runAsNonRoot`);
			expect(pod.securityContext?.runAsUser > 0, `${workload.kind}: runAsUser`);
			expect(pod.automountServiceAccountToken === false, `${workload.kind}: service account token mounted`);
			for (const c of pod.containers) {
				expect(c.securityContext?.readOnlyRootFilesystem === true, `${c.name}: writable root file system`);
				expect(c.securityContext?.allowPrivilegeEscalation === false, `${c.name}: privilege escalation`);
				expect(c.securityContext?.capabilities?.drop?.includes('ALL'), `${c.name}: capabilities not dropped`);
			}
		}
	},
};

if (!assertions[assertion]) {
	console.log(`unknown assertion ${assertion}; known: ${Object.keys(assertions).join(', ')}`);
	process.exit(2);
}
assertions[assertion]();
problems.forEach((p) => console.log(p));
process.exit(problems.length > 0 ? 1 : 0);
