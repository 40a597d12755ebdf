/**
 * The small dataset the browser tests run against: the real sample, the hand-made web page,
 * generated crawler text (示例数据, figures run together), the hostile fixtures (those that ingest) and a few
 * generated agencies (示例数据) → tests/fixtures/dataset.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../generator/corpus';
import { runIngest } from '../ingest/pipeline';
import { AGENCY_LINKS, DATASET_CATALOGUE, defaultCatalogue } from '../src/lib/schema/datasets';
import { groupsFromList, renamedAgencies } from '../src/lib/ingest/agency-links';
import { writeNational } from '../generator/national';

const generated = 'tests/fixtures/.generated';
rmSync(generated, { recursive: true, force: true });
const { documents } = generateCorpus({ seed: 5, maxAgencies: 8, faultRate: 0.05 });
for (const d of documents) {
	const file = path.join(generated, d.path);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, await d.bytes());
}
const summary = await runIngest(['tests/fixtures/samples', 'tests/fixtures/html', 'tests/fixtures/flat', 'tests/fixtures/hostile', generated], { out: 'tests/fixtures/dataset' });
// A copy whose manifest lies about its row counts, for the browser's error handling.
const lying = 'tests/fixtures/dataset/lying';
mkdirSync(lying, { recursive: true });
for (const f of ['reports.parquet', 'figures.parquet', 'checks.parquet']) copyFileSync(`tests/fixtures/dataset/${f}`, `${lying}/${f}`);
const manifest = JSON.parse(readFileSync('tests/fixtures/dataset/manifest.json', 'utf8'));
manifest.files[1].rows += 1000;
writeFileSync(`${lying}/manifest.json`, JSON.stringify(manifest));
console.log(`fixture dataset: ${summary.ingested} reports → tests/fixtures/dataset`);
// The default layout `npm run dataset` writes: real 平潭 reports at the root, a second dataset in a
// sub-folder, and the catalogue the dataset picker reads.
const defaultDir = 'tests/fixtures/dataset/default';
const real = await runIngest(['tests/fixtures/pingtan'], { out: defaultDir, region: '350128' });
writeFileSync(`${defaultDir}/${AGENCY_LINKS}`, JSON.stringify(renamedAgencies(groupsFromList(readFileSync('tests/fixtures/pingtan/list.tsv', 'utf8'), real.statuses), 'list.tsv')));
mkdirSync(`${defaultDir}/zhengzhou`, { recursive: true });
for (const f of ['reports.parquet', 'figures.parquet', 'checks.parquet', 'manifest.json', 'summary.json', 'cube.json'])
	copyFileSync(`tests/fixtures/dataset/${f}`, `${defaultDir}/zhengzhou/${f}`);
const catalogue = defaultCatalogue(real.ingested, summary.ingested);
writeFileSync(`${defaultDir}/${DATASET_CATALOGUE}`, JSON.stringify(catalogue));
console.log(`fixture default layout: ${real.ingested} real reports + the fixture dataset → ${defaultDir}`);
// The partitioned (national) layout on two provinces, three counties each (示例数据), opened with ?data=/data/national.
const national = await writeNational({ seed: 3, out: 'tests/fixtures/dataset/national', provinces: ['11', '41'], countiesPerProvince: 3 });
console.log(`fixture national dataset: ${national.manifest.totals.reports} reports → tests/fixtures/dataset/national`);
// The same with one partition missing from the server, for the browser's error handling.
const broken = JSON.parse(JSON.stringify(national.manifest));
const up = (p: string) => `../national/${p}`;
broken.rollups.province.path = up(broken.rollups.province.path);
broken.rollups.regions.path = up(broken.rollups.regions.path);
broken.summary = up(broken.summary);
for (const list of [broken.rollups.county, ...Object.values(broken.partitions)] as { path: string; province_code: string }[][]) for (const p of list) p.path = up(p.path);
broken.partitions.reports.find((p: { province_code: string }) => p.province_code === '41').path = 'reports/province_code=41/missing.parquet';
mkdirSync('tests/fixtures/dataset/national-broken', { recursive: true });
writeFileSync('tests/fixtures/dataset/national-broken/manifest.json', JSON.stringify(broken));
if (summary.ingested === 0) process.exit(1);
