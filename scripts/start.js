#!/usr/bin/env node
/**
 * npm start: build what is missing (default dataset, app) and serve it on PORT (default 4173).
 * A second start reuses what is there.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

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

if (!existsSync('data/manifest.json')) run('npm', ['run', 'dataset']);
const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
if (built < Math.max(newest('src'), statSync('svelte.config.js').mtimeMs)) run('npm', ['run', 'build']);

const server = spawn(process.execPath, ['scripts/serve.js', '--data', 'data'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
