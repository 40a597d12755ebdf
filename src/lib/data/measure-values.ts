/** A measure's value from summed quantities (one row of yearlyQuery), as the schema defines it. */
import type { Measure } from '../schema/measures';

export function measureValue(m: Measure, sums: Record<string, unknown>): { value: number | null; base: number | null } {
	const s = (codes: string[]) => codes.reduce((acc, c) => acc + (Number(sums[c]) || 0), 0);
	const numerator = s(m.numerator);
	if (m.kind === 'count') return { value: sums[m.numerator[0]] === null || sums[m.numerator[0]] === undefined ? null : numerator, base: numerator };
	const den = s(m.denominator!) - (m.minus ? s(m.minus) : 0);
	return { value: den > 0 ? numerator / den : null, base: den };
}
