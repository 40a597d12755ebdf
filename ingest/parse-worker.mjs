// Worker entry: register tsx in this thread (loader flags do not reach workers on Node 20), then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
