import { describe, expect, it } from 'vitest';
import { attribute, decodeXmlEntities, scanXmlBytes, type XmlHandlers } from '../../src/lib/ingest/readers/xml-scan';

function recorder(out: string[]): XmlHandlers {
	return {
		open: (name, attrs) => out.push(`<${name}${attrs.text().trim() ? ' ' + attrs.text().trim() : ''}>`),
		close: (name) => out.push(`</${name}>`),
		text: (text) => out.push(text)
	};
}

function events(xml: string): string[] {
	const out: string[] = [];
	scanXmlBytes(new TextEncoder().encode(xml), recorder(out));
	return out;
}

describe('xml-scan (document.xml of a Word file)', () => {
	it('reads tags, self-closing tags and text, skipping the declaration and comments', () => {
		expect(events('<?xml version="1.0"?><w:p><!-- x --><w:r><w:t xml:space="preserve">申请 </w:t><w:tab/></w:r></w:p>')).toEqual([
			'<w:p>',
			'<w:r>',
			'<w:t xml:space="preserve">',
			'申请 ',
			'</w:t>',
			'<w:tab>',
			'</w:tab>',
			'</w:r>',
			'</w:p>'
		]);
	});

	it('passes over the elements it is told to skip, with all they hold, and nothing else', () => {
		const out: string[] = [];
		const xml = '<w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:b/></w:rPr><w:t>12</w:t></w:r><w:r><w:rPr/><w:t>3</w:t></w:r>';
		scanXmlBytes(new TextEncoder().encode(xml), recorder(out), new Set(['w:rPr']));
		expect(out).toEqual(['<w:r>', '<w:t>', '12', '</w:t>', '</w:r>', '<w:r>', '<w:t>', '3', '</w:t>', '</w:r>']);
		// A broken file whose element never closes: what follows it is still read.
		const broken: string[] = [];
		scanXmlBytes(new TextEncoder().encode('<w:r><w:rPr><w:b/><w:t>7</w:t></w:r>'), recorder(broken), new Set(['w:rPr']));
		expect(broken).toEqual(['<w:r>', '<w:rPr>', '<w:b>', '</w:b>', '<w:t>', '7', '</w:t>', '</w:r>']);
	});

	it('decodes the named and numeric entities, and leaves unknown ones as written', () => {
		expect(decodeXmlEntities('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587; &nbsp;')).toBe('a <b> & "c" \'d\' 中文 &nbsp;');
		expect(events('<w:t>1&amp;2</w:t>')).toEqual(['<w:t>', '1&2', '</w:t>']);
	});

	it('passes CDATA through as text, undecoded', () => {
		expect(events('<w:t><![CDATA[a &amp; <b>]]></w:t>')).toEqual(['<w:t>', 'a &amp; <b>', '</w:t>']);
	});

	it('finds an attribute by its whole name, in either quote', () => {
		expect(attribute(' w:val="3"', 'w:val')).toBe('3');
		expect(attribute(" w:valx='9' w:val = 'restart'", 'w:val')).toBe('restart');
		expect(attribute(' xw:val="1"', 'w:val')).toBeUndefined();
		expect(attribute('', 'w:val')).toBeUndefined();
	});

	it('decodes UTF-8 text: CJK, 4-byte characters, bytes 0x80–0x9F inside characters, short and long runs', () => {
		// 「€」 and 「…」 are E2 82 AC and E2 80 A6: their bytes are windows-1252's special range; 𠀀 is four bytes.
		const xml = '<?xml version="1.0"?><w:p><w:r><w:t>申请&amp;办理 €… 𠀀 é</w:t></w:r><w:r><w:t xml:space="preserve"> 12 </w:t></w:r><w:t>é</w:t><![CDATA[政府]]></w:p>';
		expect(events(xml)).toEqual([
			'<w:p>',
			'<w:r>',
			'<w:t>',
			'申请&办理 €… 𠀀 é',
			'</w:t>',
			'</w:r>',
			'<w:r>',
			'<w:t xml:space="preserve">',
			' 12 ',
			'</w:t>',
			'</w:r>',
			'<w:t>',
			'é',
			'</w:t>',
			'政府',
			'</w:p>'
		]);
		expect(events('<w:t>' + 'a'.repeat(40) + '</w:t>')).toEqual(['<w:t>', 'a'.repeat(40), '</w:t>']);
	});

	it('reads the same tag name as the same string, and tells apart names of equal length', () => {
		expect(events('<w:tc><w:tr/></w:tc ><w:tc/>')).toEqual(['<w:tc>', '<w:tr>', '</w:tr>', '</w:tc>', '<w:tc>', '</w:tc>']);
	});

	it('stops at a cut-off document without throwing', () => {
		expect(events('<w:p><w:t>半')).toEqual(['<w:p>', '<w:t>', '半']);
		expect(events('<w:p><w:t')).toEqual(['<w:p>']);
	});
});
