/**
 * npm run dataset: the default dataset in data/ — the real report(s) in data/documents plus the
 * generated corpus of 郑州市's agencies (示例数据, written to corpus/zhengzhou), ingested through
 * the same pipeline as a user's own reports.
 */
import { writeCorpus } from '../ingest/generate-cli';
import { runIngest } from '../ingest/pipeline';

export const DEFAULT_SEED = 2019;

const t0 = performance.now();
const corpus = await writeCorpus('corpus/zhengzhou', DEFAULT_SEED);
console.log(`generated 示例数据: ${corpus.documents} documents, ${corpus.faults} planted faults → corpus/zhengzhou`);
const summary = await runIngest(['data/documents', 'corpus/zhengzhou'], { out: 'data' });
console.log(`default dataset: ${summary.ingested} reports (${summary.withFailedChecks} with failed checks), ${summary.rejected} rejected → data/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (summary.ingested === 0) process.exit(1);
