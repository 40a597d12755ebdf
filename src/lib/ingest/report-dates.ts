/**
 * Dates as reports print them (2023-02-20 15:07, 2023年2月20日, 二〇二三年二月二十日), and the date the
 * report is signed on.
 */
import { asciiDigits, cnNumber } from './report-title';

const DATE_NUM = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/g;

/** 二〇二三年二月二十日. */
export const DATE_CN = /([二〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g;

function toIso(y: number, m: number, d: number): string | undefined {
	if (!(y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCMonth() !== m - 1) return undefined;
	return date.toISOString().slice(0, 10);
}

/** The text's dates as YYYY-MM-DD (undefined for one that is no calendar date): numeric ones first, then written out. */
function* datesIn(text: string): Generator<string | undefined> {
	for (const m of text.matchAll(DATE_NUM)) yield toIso(Number(m[1]), Number(m[2]), Number(m[3]));
	for (const m of text.matchAll(DATE_CN)) yield toIso(cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3]));
}

/** A date as printed as YYYY-MM-DD: the first one the text holds. */
export function isoDate(printed: string): string | undefined {
	for (const iso of datesIn(asciiDigits(printed))) if (iso) return iso;
	return undefined;
}

/** The signature's date: the last date in the document that is after the year reported on. */
export function signatureDate(lines: string[], year: number | undefined): string | undefined {
	const valid = (iso: string | undefined) => (iso && (year === undefined || Number(iso.slice(0, 4)) > year) ? iso : undefined);
	// From the last line back: the signature ends the document, and the first line with a date ends the search.
	for (let i = lines.length - 1; i >= 0; i--) {
		const line = lines[i];
		// The shortest date either pattern reads (2023-1-1) has 8 characters: table cells have fewer.
		if (line.length < 8) continue;
		let found: string | undefined;
		for (const iso of datesIn(line)) found = valid(iso) ?? found;
		if (found) return found;
	}
	return undefined;
}
