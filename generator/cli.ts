/**
 * npm run generate -- [--seed N] [--out DIR] [--streets N] [--agencies N] [--forms text,html,html-gbk,docx,pdf,crawler,markdown]
 * Writes generated report documents (labelled 示例数据 in their own text) and faults.json, the
 * list of planted faults with the checks each must fail.
 *
 * npm run generate -- --scale national [--out DIR] [--seed N] [--provinces 11,41] [--counties N]
 * Writes the national corpus (every county-level division, 2019–2025) straight into the
 * partitioned dataset layout (see src/lib/schema/layout.ts): figures, not documents.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FORMS, generateCorpus, type Form } from './corpus';
import { REAL_SAMPLES } from './real-samples';

const OPTIONS = {
	seed: { type: 'string' },
	out: { type: 'string' },
	streets: { type: 'string' },
	agencies: { type: 'string' },
	forms: { type: 'string' },
	scale: { type: 'string' },
	provinces: { type: 'string' },
	counties: { type: 'string' }
} as const;

function arg(name: keyof typeof OPTIONS): string | undefined {
	return parseArgs({ options: OPTIONS, allowPositionals: false }).values[name];
}

export async function writeCorpus(out: string, seed: number, opts: { streets?: number; agencies?: number; forms?: Form[] } = {}) {
	const { documents, faults, agencies } = generateCorpus({ seed, streetsPerCounty: opts.streets, maxAgencies: opts.agencies, exclude: REAL_SAMPLES, forms: opts.forms });
	await rm(out, { recursive: true, force: true });
	for (const doc of documents) {
		const file = path.join(out, doc.path);
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, await doc.bytes());
	}
	await writeFile(
		path.join(out, 'faults.json'),
		JSON.stringify({ seed, generated: true, note: '示例数据 generated: planted faults and the checks each must fail', faults }, null, 2) + '\n'
	);
	return { documents: documents.length, faults: faults.length, agencies: agencies.length };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generator/cli.ts')) {
	const seed = Number(arg('seed') ?? 2019);
	const out = arg('out') ?? 'corpus/zhengzhou';
	if (!Number.isInteger(seed)) {
		console.error('--seed needs an integer');
		process.exit(2);
	}
	if (arg('scale') === 'national') {
		const { writeNational } = await import('./national');
		const nout = arg('out') ?? 'corpus/national';
		const provinces = arg('provinces')
			?.split(',')
			.map((p) => p.trim());
		let peak = 0;
		const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
		const { manifest, seconds } = await writeNational({
			seed,
			out: nout,
			provinces,
			countiesPerProvince: arg('counties') ? Number(arg('counties')) : undefined,
			onProvince: (p) => console.log(`  ${p.code} ${p.name}: ${p.reports} reports (generated in ${p.generate.toFixed(1)} s, written in ${p.write.toFixed(1)} s)`)
		});
		clearInterval(sample);
		peak = Math.max(peak, process.memoryUsage().rss);
		console.log(
			`generated 示例数据 (national): ${manifest.totals.reports} reports, ${manifest.totals.figures} figures, ${manifest.totals.checks} checks in ${manifest.partitions.reports.length} provinces → ${nout} (${seconds.toFixed(1)} s, peak RSS ${(peak / 2 ** 30).toFixed(2)} GiB)`
		);
		process.exit(0);
	}
	if (arg('scale') && arg('scale') !== 'city') {
		console.error(`--scale: national or city (default), got ${arg('scale')}`);
		process.exit(2);
	}
	const forms = arg('forms')
		?.split(',')
		.map((f) => f.trim()) as Form[] | undefined;
	const unknown = forms?.filter((f) => !(FORMS as readonly string[]).includes(f));
	if (unknown?.length) {
		console.error(`--forms: unknown ${unknown.join(', ')} (choose from ${FORMS.join(', ')})`);
		process.exit(2);
	}
	const t0 = performance.now();
	const r = await writeCorpus(out, seed, { streets: arg('streets') ? Number(arg('streets')) : undefined, agencies: arg('agencies') ? Number(arg('agencies')) : undefined, forms });
	console.log(`generated 示例数据: ${r.documents} documents for ${r.agencies} agencies, ${r.faults} planted faults → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
