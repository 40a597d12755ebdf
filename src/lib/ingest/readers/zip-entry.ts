/**
 * Where one deflated entry's bytes are in a ZIP file, found as fflate's unzipSync finds them (the
 * central directory at the end, the local header for where the data starts), so that a host with
 * a native inflate can inflate them. Only the plain case is answered: one entry of that name,
 * deflated, no ZIP64, no encryption, every header inside the file. Anything else is undefined and
 * the caller reads the file with fflate, whose behaviour (and error messages) then stay as they were.
 */

export interface DeflatedEntry {
	/** The raw deflate stream. */
	data: Uint8Array;
	/** Its size once inflated, as the central directory gives it. */
	originalSize: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DEFLATE = 8;
const ENCRYPTED = 1;
const UTF8_NAME = 0x800;

/** `zip`'s entry named `name` (ASCII), if the file is plain enough to find it without fflate; see above. */
export function deflatedEntry(zip: Uint8Array, name: string, maxEntries: number): DeflatedEntry | undefined {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	const inside = (at: number, length: number) => at >= 0 && at + length <= zip.length;
	// The end-of-directory record, searched from the end as fflate does.
	let end = zip.length - 22;
	while (end >= 0 && zip.length - end <= 65558 && u32(end) !== EOCD) end--;
	if (end < 0 || zip.length - end > 65558) return undefined;
	const count = u16(end + 8);
	if (count === 0 || count > maxEntries) return undefined;
	if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) return undefined;
	let found: { flags: number; method: number; size: number; originalSize: number; local: number } | undefined;
	for (let i = 0, at = u32(end + 16); i < count; i++) {
		if (!inside(at, 46) || u32(at) !== CENTRAL_HEADER) return undefined;
		const nameLength = u16(at + 28);
		const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
		if (!inside(at + 46, nameLength)) return undefined;
		const flags = u16(at + 8);
		// A UTF-8 name may start with a byte-order mark that fflate's decoder drops: not the plain case.
		if (flags & UTF8_NAME && nameLength >= 3 && zip[at + 46] === 0xef && zip[at + 47] === 0xbb && zip[at + 48] === 0xbf) return undefined;
		if (nameLength === name.length && bytesSpell(zip, at + 46, name)) {
			if (found) return undefined;
			found = { flags, method: u16(at + 10), size: u32(at + 20), originalSize: u32(at + 24), local: u32(at + 42) };
		}
		at = next;
	}
	if (!found || found.method !== DEFLATE || found.flags & ENCRYPTED) return undefined;
	if (found.size === 0xffffffff || found.originalSize === 0xffffffff || found.local === 0xffffffff) return undefined;
	if (!inside(found.local, 30) || u32(found.local) !== LOCAL_HEADER) return undefined;
	const start = found.local + 30 + u16(found.local + 26) + u16(found.local + 28);
	if (!inside(start, found.size)) return undefined;
	return { data: zip.subarray(start, start + found.size), originalSize: found.originalSize };
}

function bytesSpell(bytes: Uint8Array, at: number, ascii: string): boolean {
	for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
	return true;
}
