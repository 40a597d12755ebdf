/** Start scripts/serve.js for a benchmark or a script, and wait until it answers (no fixed sleeps). */
import { spawn } from 'node:child_process';

export interface Served {
	url: string;
	stop: () => void;
}

export async function serveApp(opts: { port: number; data: string; build?: string; base?: string }, timeoutMs = 30_000): Promise<Served> {
	const args = ['scripts/serve.js', '--port', String(opts.port), '--data', opts.data];
	if (opts.build) args.push('--build', opts.build);
	if (opts.base) args.push('--base', opts.base);
	const child = spawn(process.execPath, args, { stdio: 'ignore' });
	const url = `http://127.0.0.1:${opts.port}${opts.base ?? ''}/`;
	const stop = () => child.kill();
	const t0 = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`serve.js exited with ${child.exitCode} before answering on ${url}`);
		try {
			if ((await fetch(url)).ok) return { url, stop };
		} catch {
			/* not listening yet */
		}
		if (Date.now() - t0 > timeoutMs) {
			stop();
			throw new Error(`serve.js did not answer on ${url} within ${timeoutMs} ms`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
}
