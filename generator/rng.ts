/** A small seeded PRNG (mulberry32) so the same seed gives the same corpus, byte for byte. */
export class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0 || 0x9e3779b9;
	}
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(xs: readonly T[]): T {
		return xs[Math.floor(this.next() * xs.length)];
	}
	/** Poisson-distributed count with mean `lambda` (Knuth for small, normal approximation for large). */
	poisson(lambda: number): number {
		if (lambda <= 0) return 0;
		if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
		const l = Math.exp(-lambda);
		let k = 0;
		let p = 1;
		do {
			k++;
			p *= this.next();
		} while (p > l);
		return k - 1;
	}
	normal(): number {
		const u = Math.max(this.next(), 1e-12);
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}
	/** Split `n` into parts proportional to `weights` (multinomial). */
	split(n: number, weights: number[]): number[] {
		const out = weights.map(() => 0);
		const total = weights.reduce((a, b) => a + b, 0);
		for (let i = 0; i < n; i++) {
			let r = this.next() * total;
			let j = 0;
			while (j < weights.length - 1 && (r -= weights[j]) >= 0) j++;
			out[j]++;
		}
		return out;
	}
	/** A child generator, so that adding draws in one place does not shift another. */
	fork(label: string): Rng {
		let h = this.state ^ 0x85ebca6b;
		for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
		return new Rng(h >>> 0);
	}
}
