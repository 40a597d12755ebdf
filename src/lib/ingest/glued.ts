/**
 * Table rows whose figures ran together ("15200031 156": seven numbers, no separators), as web
 * crawlers and OCR tools leave them. The format's own arithmetic recovers them: a cut of the
 * digits is a candidate only if the row's parts add up to its total, and a table is taken only
 * when exactly one combination of its rows' candidates satisfies the table's identities. Several
 * survivors mean the digits cannot tell: the caller rejects the table, it never guesses.
 */

export interface CutNumber {
	value: number;
	raw: string;
}

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c]/g;

/**
 * A blank cell's mark inside a run (`/`, `／`, `—`, `无`): one cell of its own, printed blank. A dash
 * before a figure other than 0 may be its minus sign (本年增/减 —2): that run is not cut.
 */
const BLANK_MARKS = /[/／]|—+(?![1-9])|无/g;
export const isBlankMark = (token: string) => /^(?:[/／]|—+|无)$/.test(token);

/** The tokens of a run: whitespace is a hard boundary (a number never contains a space), and so is a blank's mark. */
export function runTokens(cells: string[]): string[] {
	return cells
		.join(' ')
		.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
		.replace(BLANK_MARKS, ' $& ')
		.split(/[\s\u00a0\u3000]+/)
		.filter(Boolean);
}

/** A cell that holds only figures and blanks' marks, however run together ("3-1", "15200031 156", "１２", "/0000037"): not a label. */
export function isRunOfFigures(cell: string): boolean {
	return /^(?:[-—/／\d０-９.．,，\s\u00a0\u3000]|无)*[\d０-９](?:[-—/／\d０-９.．,，\s\u00a0\u3000]|无)*$/.test(cell.trim());
}

/** A run that can be cut: digits, decimal points and minus signs, and blanks' marks between them. */
export function isDigitRun(tokens: string[]): boolean {
	return tokens.some((t) => /\d/.test(t)) && tokens.every((t) => isBlankMark(t) || (/^[-\d.,]+$/.test(t) && /\d/.test(t)));
}

/** The most cells a run can fill: a cell per digit, and one per blank's mark. */
export function digitCount(tokens: string[]): number {
	return tokens.reduce((n, t) => n + t.replace(/\D/g, '').length + (t.match(BLANK_MARKS)?.length ?? 0), 0);
}

export interface CutOptions {
	/** Group sizes: in each group the last number is the sum of the others (requests: [7]; appeals: [5, 5, 5]). */
	sums?: number[];
	decimals?: boolean;
	/** Allow a leading minus (本年增/减). */
	signed?: boolean;
	/** Stop after this many candidates (the caller then treats the row as ambiguous). */
	limit?: number;
	/** Longest number considered, in digits. */
	maxDigits?: number;
}

// A number: no leading zero; thousands separators only between groups of three digits.
const INTEGER = /^(0|[1-9]\d*|[1-9]\d{0,2}(,\d{3})+)$/;
const DECIMAL = /^(0|[1-9]\d*|[1-9]\d{0,2}(,\d{3})+)(\.\d+)?$/;
const SIGNED = /^(0|-?([1-9]\d*|[1-9]\d{0,2}(,\d{3})+))$/;
const SIGNED_DECIMAL = /^(0|-?([1-9]\d*|[1-9]\d{0,2}(,\d{3})+))(\.\d+)?$/;

/** Every way to cut the tokens into exactly n numbers (no leading zeros) that satisfies the sums. */
export function cuts(tokens: string[], n: number, opts: CutOptions = {}): CutNumber[][] {
	const limit = opts.limit ?? 1000;
	const maxDigits = opts.maxDigits ?? 9;
	const valid = opts.signed ? (opts.decimals ? SIGNED_DECIMAL : SIGNED) : opts.decimals ? DECIMAL : INTEGER;
	const groupEnds = new Map<number, number>(); // index of a group's total → index of its first part
	let start = 0;
	for (const size of opts.sums ?? []) {
		groupEnds.set(start + size - 1, start);
		start += size;
	}
	const out: CutNumber[][] = [];
	const parts: CutNumber[] = [];
	// Characters from each token to the end, summed from the end (one pass: runs may be long).
	const remainingChars = new Array<number>(tokens.length + 1).fill(0);
	for (let i = tokens.length - 1; i >= 0; i--) remainingChars[i] = remainingChars[i + 1] + tokens[i].length;

	const search = (token: number, offset: number) => {
		if (out.length >= limit) return;
		if (token === tokens.length) {
			if (parts.length === n) out.push([...parts]);
			return;
		}
		const t = tokens[token];
		if (isBlankMark(t)) {
			// A blank is a cell of its own, and leaves the sums of its group unchecked.
			parts.push({ value: NaN, raw: t });
			search(token + 1, 0);
			parts.pop();
			return;
		}
		const left = n - parts.length;
		const charsLeft = remainingChars[token] - offset;
		const tokensLeft = tokens.length - token;
		if (left < tokensLeft || left * (maxDigits + 1) < charsLeft) return;
		for (let len = 1; len <= Math.min(maxDigits + 4, t.length - offset); len++) {
			const raw = t.slice(offset, offset + len);
			if (!valid.test(raw)) continue;
			const value = Number(raw.replace(/,/g, ''));
			const index = parts.length;
			const first = groupEnds.get(index);
			if (first !== undefined) {
				let sum = 0;
				for (let i = first; i < index; i++) sum += parts[i].value;
				// NaN (a blank in the group) fails no comparison: the group is not checked.
				if (Math.abs(sum - value) > 1e-9) continue;
			}
			parts.push({ value, raw });
			if (offset + len === t.length) search(token + 1, 0);
			else search(token, offset + len);
			parts.pop();
		}
	};
	search(0, 0);
	return out;
}

export type Agreement = { status: 'unique' | 'partial'; agreed: (number | null)[]; count: number } | { status: 'none' } | { status: 'too_many' };

/**
 * Every combination of the rows' candidates that keeps `consistent`; a row's cut is settled when
 * all of them choose the same candidate for it (null where they differ). Never a pick among several.
 */
export function resolveAgreed(options: number[], consistent: (choice: number[]) => boolean, limit = 200_000): Agreement {
	if (options.some((n) => n === 0)) return { status: 'none' };
	const open = options.map((n, i) => (n > 1 ? i : -1)).filter((i) => i >= 0);
	const total = open.reduce((p, i) => p * options[i], 1);
	if (total > limit) return { status: 'too_many' };
	const choice = options.map(() => 0);
	let agreed: (number | null)[] | undefined;
	let count = 0;
	for (let k = 0; k < total; k++) {
		let rest = k;
		for (const i of open) {
			choice[i] = rest % options[i];
			rest = Math.floor(rest / options[i]);
		}
		if (!consistent(choice)) continue;
		count++;
		if (!agreed) agreed = [...choice];
		else for (const i of open) if (agreed[i] !== choice[i]) agreed[i] = null;
	}
	if (!agreed) return { status: 'none' };
	return { status: agreed.every((x) => x !== null) ? 'unique' : 'partial', agreed, count };
}
