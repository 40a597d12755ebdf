/**
 * Agencies renamed over the years (平潭综合实验区国有资产管理局 → 投资促进局 from 2024): names stay as
 * the reports print them, and each earlier name is linked to the later one. The evidence is the
 * publisher's own grouping of its reports (the portal folder in a list such as list.tsv).
 */
import type { AgencyLink } from '../schema/datasets';

export interface GroupedReport {
	/** What ties the reports to one agency: the portal folder, say. */
	group: string;
	agency: string;
	year: number;
	division_code: string | null;
}

export function renamedAgencies(reports: GroupedReport[], source: string): AgencyLink[] {
	const byGroup = new Map<string, GroupedReport[]>();
	for (const r of reports) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
	const links: AgencyLink[] = [];
	for (const list of byGroup.values()) {
		const names = [...new Set([...list].sort((a, b) => a.year - b.year).map((r) => r.agency))];
		if (names.length < 2) continue;
		const latest = names[names.length - 1];
		const since = Math.min(...list.filter((r) => r.agency === latest).map((r) => r.year));
		for (const from of names.slice(0, -1)) links.push({ division_code: list[0].division_code, from, to: latest, since, source });
	}
	return links.sort((a, b) => a.from.localeCompare(b.from, 'zh'));
}

/** list.tsv (file, dept_folder, year, …) joined to the ingest's statuses by file name. */
export function groupsFromList(tsv: string, statuses: { file: string; agency?: string; year?: number; division_code?: string | null }[]): GroupedReport[] {
	const folderOf = new Map<string, string>();
	for (const line of tsv.split(/\r?\n/).slice(1)) {
		const [file, folder] = line.split('\t');
		if (file && folder) folderOf.set(file.split('/').pop()!, folder);
	}
	return statuses.flatMap((s) => {
		const folder = folderOf.get(s.file.split(/[\\/]/).pop()!);
		return folder && s.agency && s.year ? [{ group: folder, agency: s.agency, year: s.year, division_code: s.division_code ?? null }] : [];
	});
}
