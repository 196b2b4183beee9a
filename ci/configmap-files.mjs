// Writes the agent configuration files of the rendered chart's ConfigMaps to a folder each
// (<out>/<configmap>/<key>), so that `nomad-agent config validate -config=<folder>` can check
// them as the agent in the pod would read them.
//
//   node configmap-files.mjs rendered.yaml out
// Prints the folders written, one a line.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const [file, out] = process.argv.slice(2);
for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
	const obj = doc.toJS();
	if (obj?.kind !== 'ConfigMap') {
		continue;
	}
	const folder = join(out, obj.metadata.name);
	mkdirSync(folder, { recursive: true });
	for (const [key, value] of Object.entries(obj.data ?? {})) {
		writeFileSync(join(folder, key), value);
	}
	console.log(folder);
}
