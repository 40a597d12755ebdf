/**
 * npm run bench:ingest [-- --seed N]: reports per second for the whole CLI (process start,
 * parsing on worker threads, checks, Parquet writing) on the generated corpus, all forms mixed,
 * and on each form alone. Goal: ≥ 1,000 reports/s on a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, mkdirSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../ingest/generate-cli';

const seedArg = process.argv.indexOf('--seed');
const seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : 2019;
const root = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
const corpus = path.join(root, 'corpus');
const { documents } = await writeCorpus(corpus, seed);

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.json') ? [] : [path.join(dir, e.name)]));
}

function run(label: string, input: string, count: number) {
	const out = path.join(root, `out-${label}`);
	const t0 = performance.now();
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', input, '--out', out, '--quiet'], { encoding: 'utf8' });
	const seconds = (performance.now() - t0) / 1000;
	if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
	const mb = files(input).reduce((s, f) => s + statSync(f).size, 0) / 1e6;
	console.log(`${label.padEnd(6)} ${String(count).padStart(5)} reports  ${seconds.toFixed(2).padStart(6)} s  ${(count / seconds).toFixed(0).padStart(5)} reports/s  (${mb.toFixed(1)} MB of input)`);
}

console.log(`bench:ingest — generated corpus seed ${seed}, ${documents} documents, ${process.env.npm_config_user_agent ? '' : ''}node ${process.version}`);
run('mixed', corpus, documents);
for (const ext of ['txt', 'html', 'docx']) {
	const dir = path.join(root, `only-${ext}`);
	mkdirSync(dir);
	const list = files(corpus).filter((f) => f.endsWith(`.${ext}`));
	list.forEach((f, i) => copyFileSync(f, path.join(dir, `${i}.${ext}`)));
	run(ext, dir, list.length);
}
rmSync(root, { recursive: true, force: true });
