/**
 * Bytes to text: BOM first, then strict UTF-8, then the HTML meta charset or GB18030. Only the
 * platform's TextDecoder (Node and browsers alike ship UTF-16, GB18030 and Big5).
 */

export interface Decoded {
	text: string;
	encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

const sniffer = new TextDecoder('latin1');

/** The first bytes as Latin-1 text, for sniffing signatures and meta tags. */
export function latin1(bytes: Uint8Array, length: number): string {
	// windows-1252, as the platform's 'latin1' is: the same as Latin-1 for the ASCII sniffed here,
	// and ~20× faster than building the string byte by byte.
	return sniffer.decode(bytes.subarray(0, length));
}

export function decodeBytes(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	try {
		return { text: utf8.decode(bytes), encoding: 'utf-8' };
	} catch {
		// Not UTF-8: Chinese documents that are not UTF-8 are GBK/GB2312, both subsets of GB18030.
		return { text: gb18030.decode(bytes), encoding: 'gb18030' };
	}
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
	const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(latin1(bytes, 4096));
	return m?.[1].toLowerCase();
}

function decoderFor(label: string): TextDecoder | undefined {
	try {
		return new TextDecoder(label);
	} catch {
		return undefined;
	}
}

/** HTML: the bytes decide between UTF-8 and GB18030; the meta tag is used for other legacy charsets (Big5). */
export function decodeHtml(bytes: Uint8Array): Decoded | { text: string; encoding: string } {
	const d = decodeBytes(bytes);
	if (d.encoding !== 'gb18030') return d;
	const declared = declaredCharset(bytes);
	const legacy = declared && /big5/.test(declared) ? decoderFor(declared) : undefined;
	return legacy ? { text: legacy.decode(bytes), encoding: declared! } : d;
}
