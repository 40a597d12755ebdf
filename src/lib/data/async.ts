/** The state of one data request as a view shows it: loading, failed (with what failed) or ready. */
export type Async<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T; refreshing?: boolean };

/**
 * Follow a promise into `set`; the returned function drops a stale result (use as effect cleanup).
 * With a `previous` ready value, it stays on screen (marked refreshing) until the new one arrives,
 * so charts update in place instead of being rebuilt.
 */
export function track<T>(promise: Promise<T>, set: (a: Async<T>) => void, previous?: Async<T>): () => void {
	let live = true;
	set(previous?.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' });
	promise.then(
		(value) => live && set({ status: 'ready', value }),
		(e) => live && set({ status: 'error', message: e instanceof Error ? e.message : String(e) })
	);
	return () => {
		live = false;
	};
}
