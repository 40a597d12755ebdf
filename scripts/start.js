#!/usr/bin/env node
/**
 * npm start: build what is missing (default dataset, app) and serve it on PORT (default 4173).
 * A second start reuses what is there.
 *   npm start -- --data DIR          serve another dataset folder (flat or partitioned)
 *   npm run start:national           the national corpus (corpus/national; written first when missing, ~10 min)
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const run = (cmd, args) => {
	console.log(`> ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
	if (r.status !== 0) {
		console.error(`start: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status}).`);
		process.exit(r.status ?? 1);
	}
};

function newest(dir) {
	let t = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

const { values } = parseArgs({ options: { data: { type: 'string', default: 'data' } } });
const data = values.data;
// The default data folder holds the real 平潭 dataset, the 郑州 demo in data/zhengzhou and their catalogue.
const missing =
	data === 'data'
		? !existsSync('data/datasets.json') || !existsSync('data/manifest.json') || !existsSync('data/zhengzhou/manifest.json')
		: !existsSync(path.join(data, 'manifest.json'));
if (missing) {
	if (data === 'data') run('npm', ['run', 'dataset']);
	else if (path.normalize(data) === path.normalize('corpus/national')) {
		console.log('start: writing the national corpus (示例数据, ~725,000 reports) into corpus/national; this takes about 10 minutes once.');
		run('npm', ['run', 'generate', '--', '--scale', 'national', '--out', data]);
	} else {
		console.error(`start: ${data}/manifest.json is missing: give a dataset folder written by npm run ingest, npm run layout or npm run generate -- --scale national.`);
		process.exit(2);
	}
}
const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
if (built < Math.max(newest('src'), statSync('svelte.config.js').mtimeMs)) run('npm', ['run', 'build']);

const server = spawn(process.execPath, ['scripts/serve.js', '--data', data], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
