/** npm run dataset: the default dataset in data/ from the real sample(s) in data/documents. */
import { runIngest } from '../ingest/pipeline';

const summary = await runIngest(['data/documents'], { out: 'data' });
console.log(`default dataset: ${summary.ingested} reports, ${summary.rejected} rejected → data/`);
if (summary.ingested === 0) process.exit(1);
