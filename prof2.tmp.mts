import { runIngest } from './ingest/pipeline';
const t0 = performance.now();
const s = await runIngest(['/tmp/corpus1'], { out: '/tmp/ds3', threads: Number(process.env.T ?? 2), onProgress: (d, t) => { if (d === t) console.log('parsed', (performance.now() - t0).toFixed(0)); } });
console.log('total', (performance.now() - t0).toFixed(0), s.ingested);
