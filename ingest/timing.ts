/** INGEST_TIMING=1: a phase's end in ms since `t0`, on stderr (bench:ingest and profiling read them). */
export function phaseTimer(indent = ''): (label: string) => void {
	if (!process.env.INGEST_TIMING) return () => {};
	const t0 = performance.now();
	return (label) => console.error(`timing: ${indent}${label} ${(performance.now() - t0).toFixed(0)} ms`);
}
