/** The small dataset the browser tests run against: tests/fixtures/{samples,html} → tests/fixtures/dataset. */
import { runIngest } from '../ingest/pipeline';

const summary = await runIngest(['tests/fixtures/samples', 'tests/fixtures/html'], { out: 'tests/fixtures/dataset' });
console.log(`fixture dataset: ${summary.ingested} reports → tests/fixtures/dataset`);
if (summary.ingested === 0) process.exit(1);
