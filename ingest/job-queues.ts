/**
 * Which files a parse worker takes next. Each worker is a fresh engine that warms up the code it
 * runs: one that reads only web pages never warms the Word or text readers, so each kind of file
 * (by its extension) has a home worker (the kinds shared out by count), and a worker takes from its
 * homes first, else from any kind, always the earliest file. Results are handed on in input order,
 * so those that come early wait in memory: a worker takes no file more than `window` files past the
 * next one to hand on, unless no other is left.
 */
export class JobQueues {
	private readonly queues: number[][] = [];
	private readonly heads: number[] = [];
	private readonly homes: number[][];
	private left: number;

	constructor(
		kinds: readonly string[],
		workers: number,
		private readonly window = 512
	) {
		const byKind = new Map<string, number>();
		kinds.forEach((kind, i) => {
			let q = byKind.get(kind);
			if (q === undefined) {
				byKind.set(kind, (q = this.queues.length));
				this.queues.push([]);
				this.heads.push(0);
			}
			this.queues[q].push(i);
		});
		this.left = kinds.length;
		// The largest kinds first, each to the worker with the fewest files so far.
		this.homes = Array.from({ length: workers }, () => []);
		const load = new Array<number>(workers).fill(0);
		const order = this.queues.map((_, q) => q).sort((a, b) => this.queues[b].length - this.queues[a].length || a - b);
		for (const q of order) {
			const w = load.indexOf(Math.min(...load));
			this.homes[w].push(q);
			load[w] += this.queues[q].length;
		}
	}

	get remaining(): number {
		return this.left;
	}

	/** Up to `max` files for `worker`, when the next result to hand on is file `emitted`. */
	take(worker: number, emitted: number, max: number): number[] {
		const out: number[] = [];
		while (out.length < max && this.left > 0) {
			const limit = emitted + this.window;
			const q = this.earliest(this.homes[worker], limit) ?? this.earliest(this.queues.keys(), limit) ?? this.earliest(this.queues.keys(), Infinity)!;
			out.push(this.queues[q][this.heads[q]++]);
			this.left--;
		}
		return out;
	}

	/** The queue among `qs` whose next file comes first, if it is before `limit`. */
	private earliest(qs: Iterable<number>, limit: number): number | undefined {
		let best: number | undefined;
		for (const q of qs) {
			const next = this.queues[q][this.heads[q]];
			if (next !== undefined && next < limit && (best === undefined || next < this.queues[best][this.heads[best]])) best = q;
		}
		return best;
	}
}

/** A file's kind for JobQueues: its extension, a web page's either way. */
export function fileKind(file: string): string {
	const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1].toLowerCase() ?? '';
	return ext === 'htm' ? 'html' : ext;
}
