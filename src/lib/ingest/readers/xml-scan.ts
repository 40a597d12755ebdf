/**
 * A minimal streaming scanner for well-formed machine-written XML (a Word file's document.xml):
 * tags, self-closing tags and text with the five named and numeric entities. Comments, processing
 * instructions, doctypes and CDATA are skipped or passed as text. It does a tenth of a general
 * parser's work (no attribute objects, no entity tables), which is most of a .docx's parse time.
 */

/** A tag's raw attribute text, made only when asked (most tags' attributes are never read); valid during `open`. */
export interface TagAttributes {
	text(): string;
}

export interface XmlHandlers {
	/** Read an attribute with `attribute(attrs.text(), name)`. */
	open(name: string, attrs: TagAttributes): void;
	close(name: string): void;
	text(text: string): void;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with XML's entities replaced; an unknown entity stays as written. */
export function decodeXmlEntities(s: string): string {
	if (s.indexOf('&') < 0) return s;
	return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
		if (body[0] !== '#') return NAMED[body] ?? whole;
		const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** One attribute's value from a tag's raw attribute text (either quote), entities decoded. */
export function attribute(attrs: string, name: string): string | undefined {
	let at = attrs.indexOf(name);
	while (at >= 0) {
		const before = at === 0 ? ' ' : attrs[at - 1];
		let i = at + name.length;
		while (attrs[i] === ' ') i++;
		if (/\s/.test(before) && attrs[i] === '=') {
			i++;
			while (attrs[i] === ' ') i++;
			const quote = attrs[i];
			if (quote === '"' || quote === "'") {
				const end = attrs.indexOf(quote, i + 1);
				if (end > i) return decodeXmlEntities(attrs.slice(i + 1, end));
			}
		}
		at = attrs.indexOf(name, at + 1);
	}
	return undefined;
}

const utf8 = new TextDecoder();
/** One character per byte: attribute text is read only for ASCII values (w:val). */
const bytewise = new TextDecoder('latin1');

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;

/** Bytes as they are in `marker` (ASCII), at `at`. */
function bytesAre(bytes: Uint8Array, at: number, marker: string): boolean {
	for (let i = 0; i < marker.length; i++) if (bytes[at + i] !== marker.charCodeAt(i)) return false;
	return true;
}

function indexOfMarker(bytes: Uint8Array, marker: string, from: number): number {
	const first = marker.charCodeAt(0);
	for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) if (bytesAre(bytes, at, marker)) return at;
	return -1;
}

/**
 * Scan UTF-8 XML as bytes, without decoding it: the markup is ASCII, tag names repeat (each is made a
 * string once, then looked up by its bytes), attribute text is made only when a handler asks, and only
 * text is decoded. A .docx's document.xml is mostly markup: decoding all of it was half the scan.
 * Elements named in `skip` are passed over whole, with no events (a Word run's properties: a third
 * of a document's tags).
 */
export function scanXmlBytes(bytes: Uint8Array, on: XmlHandlers, skip?: ReadonlySet<string>): void {
	const names = new TagNames();
	let attrStart = 0;
	let attrEnd = 0;
	const attrs: TagAttributes = { text: () => bytewise.decode(bytes.subarray(attrStart, attrEnd)) };
	const text = (start: number, end: number) => on.text(decodeXmlEntities(utf8Text(bytes, start, end)));
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		// Loops, not indexOf: the distances are a few bytes, shorter than a call's cost.
		let lt = i;
		while (lt < n && bytes[lt] !== LT) lt++;
		if (lt === n) {
			text(i, n);
			return;
		}
		if (lt > i) text(i, lt);
		const next = bytes[lt + 1];
		if (next === BANG) {
			if (bytesAre(bytes, lt, '<!--')) {
				const end = indexOfMarker(bytes, '-->', lt + 4);
				i = end < 0 ? n : end + 3;
			} else if (bytesAre(bytes, lt, '<![CDATA[')) {
				const end = indexOfMarker(bytes, ']]>', lt + 9);
				on.text(utf8Text(bytes, lt + 9, end < 0 ? n : end));
				i = end < 0 ? n : end + 3;
			} else {
				const end = bytes.indexOf(GT, lt);
				i = end < 0 ? n : end + 1;
			}
			continue;
		}
		if (next === QUESTION) {
			const end = indexOfMarker(bytes, '?>', lt + 2);
			i = end < 0 ? n : end + 2;
			continue;
		}
		// Attribute values in machine-written XML have '>' escaped, so the first '>' ends the tag.
		let gt = lt + 1;
		while (gt < n && bytes[gt] !== GT) gt++;
		if (gt === n) return;
		if (next === SLASH) {
			let start = lt + 2;
			let end = gt;
			while (start < end && isSpace(bytes[start])) start++;
			while (end > start && isSpace(bytes[end - 1])) end--;
			on.close(names.at(bytes, start, end));
		} else {
			const selfClosing = bytes[gt - 1] === SLASH;
			const bodyEnd = selfClosing ? gt - 1 : gt;
			let end = lt + 1;
			while (end < bodyEnd && !isSpace(bytes[end])) end++;
			const name = names.at(bytes, lt + 1, end);
			if (skip?.has(name)) {
				// The element and all it holds, up to its closing tag (such an element never holds its like).
				if (selfClosing) {
					i = gt + 1;
					continue;
				}
				const close = indexOfMarker(bytes, `</${name}>`, gt + 1);
				if (close >= 0) {
					i = close + name.length + 3;
					continue;
				}
				// No closing tag (a broken file): read on as if it were not skipped, losing nothing after it.
			}
			attrStart = end;
			attrEnd = bodyEnd;
			on.open(name, attrs);
			if (selfClosing) on.close(name);
		}
		i = gt + 1;
	}
}

/** Text of UTF-8 bytes; a short ASCII run (a figure, a space) without a decoder call. */
function utf8Text(bytes: Uint8Array, start: number, end: number): string {
	if (end - start <= 16) {
		let ascii = '';
		for (let i = start; i < end; i++) {
			const b = bytes[i];
			if (b >= 0x80) return utf8.decode(bytes.subarray(start, end));
			ascii += String.fromCharCode(b);
		}
		return ascii;
	}
	return utf8.decode(bytes.subarray(start, end));
}

/** Tag names as strings, made once per distinct name: by a hash of the bytes, then compared byte by byte. */
class TagNames {
	private byHash = new Map<number, string[]>();

	at(bytes: Uint8Array, start: number, end: number): string {
		let hash = end - start;
		for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + bytes[i]) | 0;
		const known = this.byHash.get(hash);
		if (known) for (const name of known) if (sameBytes(name, bytes, start, end)) return name;
		const name = bytewise.decode(bytes.subarray(start, end));
		if (known) known.push(name);
		else this.byHash.set(hash, [name]);
		return name;
	}
}

function sameBytes(name: string, bytes: Uint8Array, start: number, end: number): boolean {
	if (name.length !== end - start) return false;
	for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) !== bytes[start + i]) return false;
	return true;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}
