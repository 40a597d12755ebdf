import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../../src/lib/export/embed';

describe('the embed snippet', () => {
	const params = new URLSearchParams({ chart: 'years', county: '管城回族区', dataset: 'zhengzhou' });
	const code = embedSnippet({ origin: 'https://reports.example.org', base: '/sub', params, title: '申请数量的年度变化 "x" <y>' });

	it('frames the embed page with the filters, escaped for an attribute', () => {
		const src = /src="([^"]+)"/.exec(code)![1];
		expect(src).toBe(`https://reports.example.org/sub/embed?${params.toString()}`);
		expect(code).toContain('title="申请数量的年度变化 &quot;x&quot; &lt;y>"');
	});

	it('listens only to its own origin and sizes only the frame that spoke', () => {
		expect(code).toContain(`e.origin!=="https://reports.example.org"`);
		expect(code).toContain("e.data.type!=='gov-disclosure-embed'");
		expect(code).toContain('f.contentWindow===e.source');
		expect(code.endsWith('</script>')).toBe(true);
	});
});
