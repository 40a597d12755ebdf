/** Kinds of reporting agency, recognised from the agency's name. Order matters: most specific first. */
export interface AgencyKind {
	code: string;
	zh: string;
	en: string;
	/** A name matching any pattern is of this kind. */
	patterns: RegExp[];
}

export const AGENCY_KINDS: AgencyKind[] = [
	{ code: 'gov_office', zh: '政府办公室', en: 'Government office', patterns: [/人民政府办公(室|厅)$/, /政府办$/] },
	{ code: 'subdistrict', zh: '街道办事处', en: 'Subdistrict office', patterns: [/街道办事处$/, /街道$/] },
	{ code: 'township', zh: '乡镇人民政府', en: 'Township government', patterns: [/[乡镇]人民政府$/, /[乡镇]政府$/] },
	{ code: 'government', zh: '人民政府', en: "People's government", patterns: [/人民政府$/, /管理委员会$/, /管委会$/] },
	{ code: 'civil_air_defence', zh: '人防办', en: 'Civil air defence', patterns: [/人民防空/, /人防/] },
	{ code: 'public_security', zh: '公安', en: 'Public security', patterns: [/公安/] },
	{ code: 'development_reform', zh: '发展和改革', en: 'Development and reform', patterns: [/发展和改革/, /发展改革/, /发改/] },
	{ code: 'natural_resources', zh: '自然资源', en: 'Natural resources', patterns: [/自然资源/, /国土资源/, /规划/] },
	{ code: 'housing', zh: '住房和城乡建设', en: 'Housing and construction', patterns: [/住房/, /住建/, /城乡建设/, /房地产/, /房管/] },
	{ code: 'education', zh: '教育', en: 'Education', patterns: [/教育/, /教体/] },
	{ code: 'health', zh: '卫生健康', en: 'Health', patterns: [/卫生/, /卫健/] },
	{ code: 'market_regulation', zh: '市场监管', en: 'Market regulation', patterns: [/市场监督/, /市场监管/] },
	{ code: 'ecology_environment', zh: '生态环境', en: 'Ecology and environment', patterns: [/生态环境/, /环境保护/, /环保/] },
	{ code: 'civil_affairs', zh: '民政', en: 'Civil affairs', patterns: [/民政/] },
	{ code: 'justice', zh: '司法', en: 'Justice', patterns: [/司法/] },
	{ code: 'finance', zh: '财政', en: 'Finance', patterns: [/财政/] },
	{ code: 'human_resources', zh: '人力资源和社会保障', en: 'Human resources and social security', patterns: [/人力资源/, /人社/] },
	{ code: 'transport', zh: '交通运输', en: 'Transport', patterns: [/交通/] },
	{ code: 'agriculture', zh: '农业农村', en: 'Agriculture', patterns: [/农业/, /农委/] },
	{ code: 'water', zh: '水利', en: 'Water resources', patterns: [/水利/, /水务/] },
	{ code: 'emergency', zh: '应急管理', en: 'Emergency management', patterns: [/应急管理/] },
	{ code: 'urban_management', zh: '城市管理', en: 'Urban management', patterns: [/城市管理/, /城管/] },
	{ code: 'other', zh: '其他部门', en: 'Other agencies', patterns: [] }
];

export const AGENCY_KIND_CODES = AGENCY_KINDS.map((k) => k.code);

export function classifyAgency(name: string): string {
	const n = name.replace(/\s+/g, '');
	for (const kind of AGENCY_KINDS) if (kind.patterns.some((p) => p.test(n))) return kind.code;
	return 'other';
}

export function agencyKindLabel(code: string, lang: 'zh' | 'en' = 'zh'): string {
	const k = AGENCY_KINDS.find((x) => x.code === code);
	return k ? k[lang] : code;
}
