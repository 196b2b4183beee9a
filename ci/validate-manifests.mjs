// Validates rendered Kubernetes manifests against the Kubernetes API's schemas, as the
// kubernetes-models package ships them (kinds, field types, required fields, formats). It runs
// from the CI tools folder, where that package is installed.
//
//   node validate-manifests.mjs rendered.yaml...
// Prints one line per document and exits 1 if any document is invalid or of an unknown kind.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

let failed = 0;
let passed = 0;
for (const file of process.argv.slice(2)) {
	for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { uniqueKeys: true })) {
		if (doc.errors.length > 0) {
			failed++;
			console.log(`FAIL ${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
			continue;
		}
		const obj = doc.toJS();
		if (!obj) {
			continue;
		}
		const name = `${obj.kind}/${obj.metadata?.name}`;
		const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [null, obj.apiVersion];
		const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`)
			.catch(() => null);
		const Model = module && module[obj.kind];
		if (!Model) {
			failed++;
			console.log(`FAIL ${name}: no schema for ${obj.apiVersion} ${obj.kind}`);
			continue;
		}
		try {
			new Model(obj).validate();
			passed++;
			console.log(`ok   ${name}`);
		}
		catch (ex) {
			failed++;
			console.log(`FAIL ${name}: ${ex.message}`);
		}
	}
}
console.log(`${passed} valid, ${failed} invalid`);
process.exit(failed > 0 ? 1 : 0);
