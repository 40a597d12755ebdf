/**
 * npm run ingest -- <files or folders…> [--out DIR] [--region CODE] [--agency NAME] [--year YYYY] [--published DATE] [--layout partitioned]
 * Reads annual reports, checks them and writes the Parquet dataset. One bad file never stops the
 * others; the exit code is non-zero only for usage errors or when nothing could be ingested.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyFileSync, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { runIngest } from './pipeline';

const USAGE = `用法 usage: npm run ingest -- <文件或文件夹…> [--out 目录] [--region 行政区划代码]
  --out DIR       输出目录（默认 data/）
  --region CODE   为名称中没有地区的机关指定 GB/T 2260 代码，如 410104
  --agency NAME / --year YYYY / --published YYYY-MM-DD
                  为每份输入指定机关、年度、发布日期（用于单份报告；同名 .meta.json 优先）
  --layout partitioned   按省分区并写出各级汇总（全国规模，见 docs/national-scale.md）
  --quiet         不显示进度`;

function cliArgs(argv: string[]) {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				out: { type: 'string', default: 'data' },
				region: { type: 'string' },
				agency: { type: 'string' },
				year: { type: 'string' },
				published: { type: 'string' },
				layout: { type: 'string', default: 'flat' },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		return { error: (e as Error).message };
	}
	const { values: v, positionals: paths } = parsed;
	if (v.help) return { help: true as const };
	if (v.layout !== 'partitioned' && v.layout !== 'flat') return { error: `--layout: partitioned 或 flat，收到 ${v.layout}` };
	if (!v.out) return { error: '--out 需要一个目录' };
	if (v.region !== undefined && !/^\d{2,6}$/.test(v.region)) return { error: `--region 需要 2–6 位数字代码，收到 ${v.region}` };
	const year = v.year === undefined ? undefined : Number(v.year);
	if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) return { error: `--year 需要四位年份，收到 ${v.year}` };
	if (v.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.published)) return { error: `--published 需要 YYYY-MM-DD，收到 ${v.published}` };
	if (!paths.length) return { error: '请给出要导入的文件或文件夹' };
	const missing = paths.filter((p) => !existsSync(p));
	if (missing.length) return { error: `找不到 not found: ${missing.join(', ')}` };
	return { paths, out: v.out, region: v.region, overrides: { agency: v.agency, year, published: v.published }, quiet: v.quiet, partitioned: v.layout === 'partitioned' };
}

async function main() {
	const args = cliArgs(process.argv.slice(2));
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
		overrides: args.overrides,
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
			`${summary.inputs} 个文件, ${seconds.toFixed(1)} s` +
			(summary.counts
				? ` → ${args.out}/ (${Object.entries(summary.counts)
						.map(([k, v]) => `${k} ${v}`)
						.join(', ')})`
				: '')
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
