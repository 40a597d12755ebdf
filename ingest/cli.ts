/**
 * npm run ingest -- <files or folders…> [--out DIR] [--region CODE]
 * Reads annual reports, checks them and writes the Parquet dataset. One bad file never stops the
 * others; the exit code is non-zero only for usage errors or when nothing could be ingested.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { runIngest } from './pipeline';

const USAGE = `用法 usage: npm run ingest -- <文件或文件夹…> [--out 目录] [--region 行政区划代码]
  --out DIR       输出目录（默认 data/）
  --region CODE   为名称中没有地区的机关指定 GB/T 2260 代码，如 410104
  --quiet         不显示进度`;

function parseArgs(argv: string[]) {
	const paths: string[] = [];
	let out = 'data';
	let region: string | undefined;
	let quiet = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') out = argv[++i];
		else if (a === '--region') region = argv[++i];
		else if (a === '--quiet') quiet = true;
		else if (a === '--help' || a === '-h') return { help: true as const };
		else if (a.startsWith('--')) return { error: `未知选项 unknown option ${a}` };
		else paths.push(a);
	}
	if (!out) return { error: '--out 需要一个目录' };
	if (region !== undefined && !/^\d{2,6}$/.test(region)) return { error: `--region 需要 2–6 位数字代码，收到 ${region}` };
	if (!paths.length) return { error: '请给出要导入的文件或文件夹' };
	const missing = paths.filter((p) => !existsSync(p));
	if (missing.length) return { error: `找不到 not found: ${missing.join(', ')}` };
	return { paths, out, region, quiet };
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if ('help' in args) {
		console.log(USAGE);
		return;
	}
	if ('error' in args) {
		console.error(`${args.error}\n${USAGE}`);
		process.exit(2);
	}
	const tty = process.stderr.isTTY && !args.quiet;
	const started = performance.now();
	let lastLine = 0;
	const summary = await runIngest(args.paths, {
		out: args.out,
		region: args.region,
		onProgress: (done, total, file) => {
			if (args.quiet) return;
			if (tty) {
				const width = 30;
				const filled = Math.round((done / total) * width);
				process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${path.basename(file).slice(0, 40).padEnd(40)}`);
				if (done === total) process.stderr.write('\n');
			} else if (done === total || done - lastLine >= Math.max(1, Math.ceil(total / 20))) {
				lastLine = done;
				console.error(`ingest: ${done}/${total} ${file}`);
			}
		}
	});
	const seconds = (performance.now() - started) / 1000;
	for (const s of summary.statuses) if (s.status === 'rejected') console.error(`rejected: ${s.file}: ${s.reason}`);
	console.log(
		`导入 ingested ${summary.ingested} 份报告（其中 ${summary.withFailedChecks} 份有未通过的勾稽核对）, 重复 duplicates ${summary.duplicates}, 拒绝 rejected ${summary.rejected}; ` +
			`${summary.inputs} 个文件, ${seconds.toFixed(1)} s` + (summary.counts ? ` → ${args.out}/ (${Object.entries(summary.counts).map(([k, v]) => `${k} ${v}`).join(', ')})` : '')
	);
	if (summary.ingested === 0) {
		console.error('没有可导入的报告，数据集未写入 (nothing ingested; dataset not written)');
		process.exit(1);
	}
}

main().catch((e) => {
	console.error(`ingest failed: ${e?.message ?? e}`);
	process.exit(1);
});
