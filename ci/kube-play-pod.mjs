// Turns the chart's rendered server StatefulSet into what `podman kube play` runs: podman 4.x
// plays Pods, Deployments, ConfigMaps and PersistentVolumeClaims, not StatefulSets. The output is
// the StatefulSet's first pod as Kubernetes would create it (name <statefulset>-0, the pod
// template's spec unchanged), the claim its volumeClaimTemplate makes (data-<pod>), and the
// ConfigMaps the pod mounts.
//
//   node kube-play-pod.mjs rendered.yaml > pod.yaml
import { readFileSync } from 'node:fs';
import { parseAllDocuments, stringify } from 'yaml';

const docs = parseAllDocuments(readFileSync(process.argv[2], 'utf8')).map((d) => d.toJS()).filter(Boolean);
const statefulSets = docs.filter((d) => d.kind === 'StatefulSet');
if (statefulSets.length !== 1) {
	console.error(`expected one StatefulSet, found ${statefulSets.length}`);
	process.exit(1);
}
const sts = statefulSets[0];
const podName = `${sts.metadata.name}-0`;
const spec = structuredClone(sts.spec.template.spec);
const out = [];
for (const template of sts.spec.volumeClaimTemplates ?? []) {
	const claimName = `${template.metadata.name}-${podName}`;
	out.push({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: claimName }, spec: template.spec });
	spec.volumes = [...(spec.volumes ?? []), { name: template.metadata.name, persistentVolumeClaim: { claimName } }];
}
const configMaps = new Set((spec.volumes ?? []).filter((v) => v.configMap).map((v) => v.configMap.name));
out.push(...docs.filter((d) => d.kind === 'ConfigMap' && configMaps.has(d.metadata.name)));
out.push({
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: { name: podName, labels: sts.spec.template.metadata.labels },
	spec: { ...spec, hostname: podName, subdomain: sts.spec.serviceName },
});
process.stdout.write(out.map((d) => stringify(d, { lineWidth: 0, blockQuote: 'literal' })).join('---\n'));
