/**
 * A minimal streaming scanner for well-formed machine-written XML (a Word file's document.xml):
 * tags, self-closing tags and text with the five named and numeric entities. Comments, processing
 * instructions, doctypes and CDATA are skipped or passed as text. It does a tenth of a general
 * parser's work (no attribute objects, no entity tables), which is most of a .docx's parse time.
 */

export interface XmlHandlers {
	/** `attrs` is the raw attribute text; read one with `attribute(attrs, name)`. */
	open(name: string, attrs: string): void;
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

const NON_ASCII = /[\u0080-\uffff]/;
const utf8 = new TextDecoder();
/** One character per byte (WHATWG's latin1 is windows-1252: every byte is one UTF-16 unit), so offsets are byte offsets. */
const bytewise = new TextDecoder('latin1');

/**
 * Scan UTF-8 XML without decoding all of it: the markup is ASCII, so it is scanned one character per
 * byte (four times faster to decode than UTF-8), and only text with other bytes is decoded as UTF-8.
 * Attribute values are passed one character per byte: read only ASCII ones.
 */
export function scanXmlBytes(bytes: Uint8Array, on: XmlHandlers): void {
	const text = bytewise.decode(bytes);
	scanXml(text, on, (start, end) => {
		const raw = text.slice(start, end);
		return NON_ASCII.test(raw) ? utf8.decode(bytes.subarray(start, end)) : raw;
	});
}

/** `textAt`: the text between two offsets, if the string is not already the decoded text. */
export function scanXml(xml: string, on: XmlHandlers, textAt: (start: number, end: number) => string = (start, end) => xml.slice(start, end)): void {
	let i = 0;
	const n = xml.length;
	while (i < n) {
		const lt = xml.indexOf('<', i);
		if (lt < 0) {
			if (i < n) on.text(decodeXmlEntities(textAt(i, n)));
			return;
		}
		if (lt > i) on.text(decodeXmlEntities(textAt(i, lt)));
		const next = xml.charCodeAt(lt + 1);
		if (next === 33 /* ! */) {
			if (xml.startsWith('<!--', lt)) {
				const end = xml.indexOf('-->', lt + 4);
				i = end < 0 ? n : end + 3;
			} else if (xml.startsWith('<![CDATA[', lt)) {
				const end = xml.indexOf(']]>', lt + 9);
				on.text(textAt(lt + 9, end < 0 ? n : end));
				i = end < 0 ? n : end + 3;
			} else {
				const end = xml.indexOf('>', lt);
				i = end < 0 ? n : end + 1;
			}
			continue;
		}
		if (next === 63 /* ? */) {
			const end = xml.indexOf('?>', lt + 2);
			i = end < 0 ? n : end + 2;
			continue;
		}
		// Attribute values in machine-written XML have '>' escaped, so the first '>' ends the tag.
		const gt = xml.indexOf('>', lt + 1);
		if (gt < 0) return;
		if (next === 47 /* / */) {
			on.close(xml.slice(lt + 2, gt).trim());
		} else {
			const selfClosing = xml.charCodeAt(gt - 1) === 47;
			const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
			let end = 0;
			while (end < body.length && !isSpace(body.charCodeAt(end))) end++;
			const name = body.slice(0, end);
			on.open(name, body.slice(end));
			if (selfClosing) on.close(name);
		}
		i = gt + 1;
	}
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}
