/**
 * npm run ingest -- <files or folders…> [--out DIR] [--region CODE] [--layout partitioned]
 * Reads annual reports, checks them and writes the Parquet dataset. One bad file never stops the
 * others; the exit code is non-zero only for usage errors or when nothing could be ingested.
 */
import path from 'node:path';
import { copyFileSync, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { runIngest } from './pipeline';

const USAGE = `用法 usage: npm run ingest -- <文件或文件夹…> [--out 目录] [--region 行政区划代码]
  --out DIR       输出目录（默认 data/）
  --region CODE   为名称中没有地区的机关指定 GB/T 2260 代码，如 410104
  --layout partitioned   按省分区并写出各级汇总（全国规模，见 docs/national-scale.md）
  --quiet         不显示进度`;

function parseArgs(argv: string[]) {
	const paths: string[] = [];
	let out = 'data';
	let region: string | undefined;
	let quiet = false;
	let partitioned = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') out = argv[++i];
		else if (a === '--layout') {
			const v = argv[++i];
			if (v !== 'partitioned' && v !== 'flat') return { error: `--layout: partitioned 或 flat，收到 ${v}` };
			partitioned = v === 'partitioned';
		}
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
	return { paths, out, region, quiet, partitioned };
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
	// Partitioned: the flat dataset first, beside the output, then its layout into the output.
	const flatOut = args.partitioned ? path.join(args.out, `.flat-${process.pid}`) : args.out;
	const summary = await runIngest(args.paths, {
		out: flatOut,
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
		if (args.partitioned) await rm(flatOut, { recursive: true, force: true });
		console.error('没有可导入的报告，数据集未写入 (nothing ingested; dataset not written)');
		process.exit(1);
	}
	if (args.partitioned) {
		const { layoutFromFlat } = await import('./layout');
		try {
			const m = await layoutFromFlat(flatOut, args.out);
			copyFileSync(path.join(flatOut, 'ingest-report.json'), path.join(args.out, 'ingest-report.json'));
			console.log(`分区 partitioned: ${m.partitions.reports.length} 个省级分区 → ${args.out}/ (manifest.json, rollups/, reports/, figures/, checks/)`);
		} finally {
			await rm(flatOut, { recursive: true, force: true });
		}
	}
}

main().catch((e) => {
	console.error(`ingest failed: ${e?.message ?? e}`);
	process.exit(1);
});
