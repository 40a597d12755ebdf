/**
 * npm run dataset: the datasets the app offers, each ingested through the same pipeline as a
 * user's own reports, and the catalogue the app's dataset picker reads (data/datasets.json):
 *   data/            平潭综合实验区: 116 real reports of its 17 agencies, 2019–2025 (the default)
 *   data/zhengzhou/  郑州市: generated demo data (示例数据, written to corpus/zhengzhou) and one real report
 *   data/national/   the national corpus (示例数据), listed when present (npm run generate -- --scale national --out data/national)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { writeCorpus } from '../generator/cli';
import { runIngest } from '../ingest/pipeline';
import { AGENCY_LINKS, DATASET_CATALOGUE, defaultCatalogue, type CatalogueEntry } from '../src/lib/schema/datasets';
import { groupsFromList, renamedAgencies } from '../src/lib/ingest/agency-links';

export const DEFAULT_SEED = 2019;

const t0 = performance.now();
const pingtan = await runIngest(['data/documents/pingtan'], { out: 'data', region: '350128' });
// One agency under two names: its reports' portal folder (list.tsv) says so.
const links = renamedAgencies(groupsFromList(readFileSync('data/documents/pingtan/list.tsv', 'utf8'), pingtan.statuses), 'list.tsv（门户网站栏目目录）');
writeFileSync(`data/${AGENCY_LINKS}`, JSON.stringify(links, null, 1));
for (const l of links) console.log(`renamed: ${l.from} → ${l.to} (from ${l.since})`);
console.log(`平潭综合实验区 (real reports): ${pingtan.ingested} reports (${pingtan.withFailedChecks} with failed checks), ${pingtan.rejected} rejected → data/`);
const corpus = await writeCorpus('corpus/zhengzhou', DEFAULT_SEED);
console.log(`generated 示例数据: ${corpus.documents} documents, ${corpus.faults} planted faults → corpus/zhengzhou`);
const zhengzhou = await runIngest(['data/documents/zhengzhou', 'corpus/zhengzhou'], { out: 'data/zhengzhou' });
console.log(`郑州市 (示例数据): ${zhengzhou.ingested} reports → data/zhengzhou/`);

const catalogue = defaultCatalogue(pingtan.ingested, zhengzhou.ingested);
const datasets: CatalogueEntry[] = catalogue.datasets;
if (existsSync('data/national/manifest.json')) {
	const manifest = JSON.parse(readFileSync('data/national/manifest.json', 'utf8'));
	const n = Number(manifest?.totals?.reports ?? 0);
	datasets.push({
		id: 'national',
		path: 'national',
		label: `全国 · 示例数据 ${n.toLocaleString('en-US')} 份`,
		label_en: `China · generated demo data`,
		origin: 'generated',
		reports: n
	});
}
writeFileSync(`data/${DATASET_CATALOGUE}`, JSON.stringify(catalogue, null, 1));
console.log(`datasets: ${datasets.map((d) => d.label).join('; ')} → data/${DATASET_CATALOGUE} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (pingtan.ingested === 0 || zhengzhou.ingested === 0) process.exit(1);
