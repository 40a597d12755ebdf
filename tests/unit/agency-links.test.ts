import { describe, expect, it } from 'vitest';
import { groupsFromList, renamedAgencies } from '../../src/lib/ingest/agency-links';

describe('renamed agencies', () => {
	it('links every earlier name of a folder to its latest, from the first year under the new name', () => {
		const tsv =
			'file\tdept_folder\tyear\ttitle\n' +
			['2022', '2023', '2024', '2025'].map((y) => `docs/gyz-${y}.page.txt\tgyz\t${y}\tt`).join('\n') +
			'\ndocs/czj-2024.page.txt\tczj\t2024\tt';
		const statuses = [
			{ file: 'x/gyz-2022.page.txt', agency: '国有资产管理局', year: 2022, division_code: '350128' },
			{ file: 'x/gyz-2023.page.txt', agency: '国有资产管理局', year: 2023, division_code: '350128' },
			{ file: 'x/gyz-2024.page.txt', agency: '投资促进局', year: 2024, division_code: '350128' },
			{ file: 'x/gyz-2025.page.txt', agency: '投资促进局', year: 2025, division_code: '350128' },
			{ file: 'x/czj-2024.page.txt', agency: '财政金融局', year: 2024, division_code: '350128' },
			{ file: 'x/unlisted.txt', agency: '某局', year: 2024 }
		];
		expect(renamedAgencies(groupsFromList(tsv, statuses), 'list.tsv')).toEqual([
			{ division_code: '350128', from: '国有资产管理局', to: '投资促进局', since: 2024, source: 'list.tsv' }
		]);
	});
});
