/**
 * One input file to one report, or a rejection with a reason a person can act on. Runs on the
 * worker threads: it must not import the dataset writer (DuckDB's native module).
 */
import { cleanText } from './cells';
import { classifyAgency } from '../schema/agency-kinds';
import type { CheckResult } from '../schema/identities';
import { GENERATED_MARKER } from '../schema/origin';
import { decodeBytes, decodeHtml, latin1 } from './decode';
import type { InputForm, SourceDocument } from './document';
import { extract, type Extraction, type Figure, type Warning } from './extract';
import { readDocx } from './readers/docx';
import { readLegacyDocText } from './readers/legacy-doc';
import { readHtml } from './readers/html';
import { PdfError, readPdf } from './readers/pdf';
import { readText } from './readers/text';
import type { RefusedRun } from './copies';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { unifyHan } from './han-variants';
import { looksTraditional, simplifiedDocument, toSimplified } from './traditional';
import { recognize, type IdentitySource, type ReportIdentity } from './recognize';
import { regionOfCode, resolveRegion, type Region } from './regions';
import { figureMap, reportChecks } from './checks';
import { textChecks } from './prose-checks';
import type { ReportRow } from './report-row';

/** Inputs above this size are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export const TOO_LARGE = `文件超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，不像是一份年度报告，未读取 (larger than the ${MAX_INPUT_BYTES / 1024 / 1024} MB input limit)`;

export { overridesFromSidecar, type Overrides } from './overrides';
import type { Overrides } from './overrides';

export interface Parsed {
	status: 'ok';
	report: ReportRow;
	figures: Figure[];
	checks: CheckResult[];
	warnings: Warning[];
	reading: Reading;
	refused: RefusedRun[];
}

export interface Identity {
	agency: string;
	year: string;
	published: string;
}

/** How a file was read, for the ingest report: reader, format and layout, where its identity came from. */
export interface Reading {
	reader: InputForm;
	layout: string;
	format: string;
	identity: Identity;
	placed_by_order: string[];
}

export interface Rejected {
	status: 'rejected';
	reason: string;
}

export class Rejection extends Error {}

/** A path's last part, whichever separator it uses. */
export function baseName(name: string): string {
	return name.split(/[\\/]/).pop() ?? name;
}

/** SHA-256 in plain JS (@noble/hashes), the same in Node and a browser worker and synchronous: Web Crypto's async hop idled the parse. */
let sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

/** A host with a native SHA-256 (Node's crypto, about 10 times faster) hands it in here. */
export function provideSha256(hex: (bytes: Uint8Array) => string): void {
	sha256Hex = hex;
}

const HTML_EXT = /\.(html?|shtml|xhtml|asp|aspx|jsp|php)$/i;

/** An OLE compound file's signature: a legacy Word (.doc) document. */
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

function sniffForm(name: string, bytes: Uint8Array): InputForm {
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	const ole = isOle(bytes);
	if (/\.pdf$/i.test(name) || (bytes[0] === 0x25 && latin1(bytes, 5) === '%PDF-')) return 'pdf';
	if (ole || /\.doc$/i.test(name)) return 'doc';
	if (/\.docx$/i.test(name) || zip) return 'docx';
	if (HTML_EXT.test(name)) return 'html';
	// Markup starts with '<': text without one in its first bytes is not decoded to be looked at (most crawler text).
	if (bytes.subarray(0, 2048).indexOf(0x3c) < 0) return 'text';
	const head = latin1(bytes, 2048).toLowerCase();
	if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(head) || /<table[\s>]/.test(head)) return 'html';
	return 'text';
}

/** The text of a legacy Word (.doc) file, where the host can give it (Node: word-extractor); a browser cannot. */
let legacyDocText: ((bytes: Uint8Array) => Promise<string>) | undefined;
export function provideLegacyDoc(extract: (bytes: Uint8Array) => Promise<string>) {
	legacyDocText = extract;
}

/**
 * A text reader on the text in simplified characters (traditional.ts) with radical forms unified
 * (han-variants.ts): before reading, since the readers find rows by their labels.
 */
async function readString(read: (text: string) => SourceDocument, raw: string): Promise<SourceDocument> {
	const traditional = looksTraditional(raw);
	const { text, replaced } = unifyHan(traditional ? await toSimplified(raw) : raw);
	const doc = read(text);
	return { ...doc, ...(replaced ? { hanVariants: replaced } : {}), ...(traditional ? { traditional } : {}) };
}

async function readDocument(name: string, bytes: Uint8Array): Promise<{ doc: SourceDocument; form: InputForm; encoding: string }> {
	if (bytes.length === 0) throw new Rejection('文件是空的 (empty file)');
	const form = sniffForm(name, bytes);
	if (form === 'pdf') {
		if (latin1(bytes, 1024).indexOf('%PDF-') < 0) throw new Rejection('文件名为 .pdf，但内容不是 PDF (not a PDF)');
		try {
			return { doc: await simplifiedDocument(await readPdf(bytes)), form, encoding: 'pdf' };
		} catch (e) {
			if (e instanceof PdfError) throw new Rejection(e.message);
			throw new Rejection(
				`无法读取 PDF：${String((e as Error)?.message ?? e)
					.split('\n')[0]
					.slice(0, 160)} (unreadable PDF)`
			);
		}
	}
	if (form === 'doc') {
		if (!isOle(bytes)) throw new Rejection('文件名为 .doc，但内容不是旧版 Word 文档 (not a legacy .doc)');
		if (!legacyDocText)
			throw new Rejection('旧版 Word (.doc) 文件：浏览器中无法读取，请用命令行导入（npm run ingest），或在 Word 中另存为 .docx (legacy .doc: use the CLI or save as .docx)');
		let body: string;
		try {
			body = await legacyDocText(bytes);
		} catch (e) {
			throw new Rejection(`无法读取旧版 Word (.doc) 文件，文件可能已损坏：${String((e as Error)?.message ?? e).slice(0, 160)} (unreadable .doc)`);
		}
		return { doc: await readString(readLegacyDocText, body), form, encoding: 'doc' };
	}
	if (form === 'docx') {
		if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new Rejection('文件名为 .docx，但内容不是 Word 文档（不是 ZIP 压缩包）(not a .docx: not a zip file)');
		try {
			const doc = readDocx(bytes);
			return { doc: await simplifiedDocument(doc), form, encoding: 'docx' };
		} catch (e) {
			throw new Rejection(`无法读取 Word 文档，文件可能已损坏或不完整：${(e as Error).message.split('\n')[0].slice(0, 160)} (unreadable .docx)`);
		}
	}
	if (form === 'html') {
		const d = decodeHtml(bytes);
		return { doc: await readString(readHtml, d.text), form, encoding: d.encoding };
	}
	const d = decodeBytes(bytes);
	// Control characters in the first 4 KB mean binary content, not text.
	// eslint-disable-next-line no-control-regex
	if (/[\x00-\x08\x0e-\x1f]/.test(d.text.slice(0, 4096).replace(/\x1b/g, ''))) throw new Rejection('文件内容不是文本（含有二进制数据）(binary content, not text)');
	// Markdown or text holding HTML tables (OCR tools write tables so), the first past the sniffed bytes.
	if (/<table[\s>]/i.test(d.text) && (d.text.match(/<t[dh][\s>]/gi)?.length ?? 0) >= 20) return { doc: await readString(readHtml, d.text), form: 'html', encoding: d.encoding };
	const doc = await readString(readText, d.text);
	return { doc, form: doc.markdown ? 'markdown' : form, encoding: d.encoding };
}

const SOURCE_NAMES: Record<IdentitySource, string> = {
	页面信息: '页面信息栏（爬虫页头、网页信息表或信息栏）',
	标题: '标题',
	正文: '正文（编制单位或统计期限）',
	落款: '落款（署名和日期）',
	文件名: '文件名',
	发布日期: '发布日期的前一年',
	正文年份: '概述中出现最多的年份（如“2023年，…”）',
	经办单位: '正文中的联系或编制科室（如“请与某某局办公室联系”“由某某街道党政办公室编制”），去掉其办公室',
	页面来源: '页面信息栏的“来源”（常是网站主办单位或发稿单位）'
};

/** Sources of an agency the report does not name as its publisher, and of a year it does not state. */
const WEAK_AGENCY: ReadonlySet<IdentitySource> = new Set(['正文', '文件名', '落款', '经办单位', '页面来源']);
const GUESSED_YEAR: ReadonlySet<IdentitySource> = new Set(['文件名', '发布日期', '正文年份']);

/** Warnings for an identity that came from weak evidence, or was not found. */
function identityWarnings(who: ReportIdentity, overrides: Overrides): Warning[] {
	const out: Warning[] = [];
	if (!overrides.agency && !who.agency) {
		out.push({ code: 'agency_unknown', message: '未能识别发布机关：请在同名 .meta.json 中填写 agency，或单独导入这份报告并用 --agency / --region / --year 指定' });
	} else if (!overrides.agency && who.sources.agency && WEAK_AGENCY.has(who.sources.agency)) {
		out.push({ code: 'agency_weak', message: `发布机关“${who.agency}”取自${SOURCE_NAMES[who.sources.agency]}，标题和页面的发布机构中都没有：请核对` });
	}
	if (overrides.year === undefined && who.sources.year && GUESSED_YEAR.has(who.sources.year)) {
		out.push({ code: 'year_guessed', message: `报告年度取自${SOURCE_NAMES[who.sources.year]}，正文和标题中都没有：请核对` });
	}
	return out;
}

/** Where agency, year and date came from, for the ingest report. */
export function identitySources(who: ReportIdentity, overrides: Overrides): Identity {
	const of = (source: IdentitySource | undefined, given: unknown) => (given !== undefined ? '用户指定' : source ? SOURCE_NAMES[source] : '未找到');
	return { agency: of(who.sources.agency, overrides.agency), year: of(who.sources.year, overrides.year), published: of(who.sources.published, overrides.published) };
}

/** The agency a report with tables but no recognisable publisher is filed under, until the user names it. */
export function unrecognisedAgency(name: string): string {
	return `未识别机关（${baseName(name)}）`;
}

function isGenerated(doc: SourceDocument): boolean {
	return doc.blocks.some((b) => b.kind === 'text' && b.text.includes(GENERATED_MARKER));
}

/** The figures of a document; cells one per line instead, where the reader offers them and they read whole. */
function extractFrom(doc: SourceDocument, year: number | undefined): { doc: SourceDocument; extraction: Extraction } {
	const extraction = extract(doc.blocks, year, doc.runTogether ?? false, doc.wholeCells ?? false);
	if (doc.asCellLines) {
		// Cells one per line: in the tables' row order it reads whole, with no row placed, refused or
		// cut; in a PDF's content-stream order it does not, and the tables stay refused.
		const cells = doc.asCellLines;
		const alt = extract(cells.blocks, year, cells.runTogether ?? false, cells.wholeCells ?? false);
		if (alt.sections.length === 3 && alt.warnings.length === 0) return { doc: cells, extraction: alt };
	}
	return { doc, extraction };
}

/** A page's or Word file's lines (not its links: a portal's menus) read by the text reader. */
function textOfDocument(doc: SourceDocument): SourceDocument {
	return readText(doc.blocks.flatMap((b) => (b.kind === 'text' ? (b.link ? [] : [b.text]) : b.rows.map((r) => r.join(' ')))).join('\n'));
}

export async function parseReport(name: string, bytes: Uint8Array, overrides: Overrides = {}): Promise<Parsed | Rejected> {
	try {
		if (bytes.length > MAX_INPUT_BYTES) throw new Rejection(TOO_LARGE);
		const sha = sha256Hex(bytes);
		const read = await readDocument(name, bytes);
		const { form, encoding } = read;
		let doc = read.doc;
		const who = recognize(doc, name);
		const year = overrides.year ?? who.year;
		if (year !== undefined && year < 2019) {
			throw new Rejection(`这是 ${year} 年度的报告：2019 年以前的年度报告使用旧格式（没有统一表格），本工具只读取 2019 版和 2021 版格式 (pre-2019 format)`);
		}
		let extraction: Extraction;
		({ doc, extraction } = extractFrom(doc, year));
		if (extraction.sections.length === 0 && (form === 'html' || form === 'docx')) {
			// No table markup around the report's tables (pasted into an editor as a paragraph per cell
			// or per row): its text is read as the text reader reads a page kept as text.
			const again = extractFrom(textOfDocument(doc), year);
			if (again.extraction.sections.length > 0) {
				extraction = again.extraction;
				doc = { ...again.doc, layout: `${form === 'docx' ? 'Word 段落中的表格' : '网页文字中的表格'}（无表格标记，按文字读取）：${again.doc.layout ?? ''}` };
			}
		}
		if (extraction.sections.length === 0) {
			if (doc.tablesRefused) throw new Rejection(`${doc.tablesRefused}：请导入原 PDF 或按版面转出的文字（pdftotext -layout）(table cells out of order)`);
			throw new Rejection('未找到年度报告的表格（主动公开、收到和处理政府信息公开申请、行政复议行政诉讼）(no report tables found)');
		}
		// The format itself (the blank form as the 2021 notice printed it, often kept beside the reports): no agency's figures.
		if (extraction.figures.length > 0 && extraction.refused.length === 0 && extraction.figures.every((f) => f.value === null && cleanText(f.raw) === '')) {
			throw new Rejection('表格中没有任何数字（每个单元格都是空白）：这是年度报告的空白格式，不是某个机关的报告 (a blank form, not a report)');
		}
		if (year === undefined) throw new Rejection('未找到报告年度（页面信息、标题、统计期限和文件名中都没有）：可在同名 .meta.json 中填写 year，或用 --year 指定 (year not found)');
		const warnings = [...extraction.warnings, ...identityWarnings(who, overrides)];
		if (read.doc.traditional) {
			warnings.push({ code: 'traditional_chinese', message: '文字为繁体中文（如网站的繁体版页面），已转为简体后读取标签和机关名称；数字不受转换影响' });
		}
		if (read.doc.hanVariants) {
			warnings.push({
				code: 'han_variants',
				message: `文字中有 ${read.doc.hanVariants} 个康熙部首或兼容汉字（如“⼈”，多见于 PDF 的字体映射和从 PDF 复制的文字），已按通用汉字读取`
			});
		}
		const agency = overrides.agency ?? who.agency ?? unrecognisedAgency(name);
		let region: Region | undefined;
		if (overrides.region) {
			region = regionOfCode(overrides.region, '用户指定');
			if (!region) warnings.push({ code: 'bad_region', message: `指定的行政区划代码 ${overrides.region} 不存在` });
		}
		region ??= resolveRegion(agency, who.context);
		if (!region) warnings.push({ code: 'region_unknown', message: `无法从机关名称“${agency}”确定所属地区：可用 --region 或 .meta.json 指定行政区划代码` });
		const published = overrides.published ?? who.published ?? null;
		if (!published) warnings.push({ code: 'no_date', message: '未找到落款日期（发布日期）' });
		const report: ReportRow = {
			report_id: sha.slice(0, 16),
			agency,
			agency_kind: classifyAgency(agency),
			year,
			format: extraction.format,
			published,
			province: region?.province ?? null,
			city: region?.city ?? null,
			county: region?.county ?? null,
			division_code: region?.division_code ?? null,
			origin: overrides.origin ?? (isGenerated(doc) ? 'generated' : 'document'),
			source_name: baseName(name),
			source_form: form,
			source_encoding: encoding,
			source_sha256: sha,
			warnings: warnings.length,
			reconstructed: warnings.some((w) => w.code === 'reconstructed')
		};
		const reading: Reading = {
			reader: form,
			layout: doc.layout ?? form,
			format: `${extraction.format}（${extraction.formatEvidence}）`,
			identity: identitySources(who, overrides),
			placed_by_order: warnings.filter((w) => w.code === 'placed_by_position').flatMap((w) => (w.rows ?? []).map((r) => `${w.table}.${r}`))
		};
		const values = figureMap(extraction.figures);
		return {
			status: 'ok',
			report,
			figures: extraction.figures,
			checks: [...reportChecks(extraction.format, values), ...textChecks(extraction.format, doc.blocks, values)],
			warnings,
			reading,
			refused: extraction.refused
		};
	} catch (e) {
		if (e instanceof Rejection) return { status: 'rejected', reason: e.message };
		return {
			status: 'rejected',
			reason: `读取时出错：${String((e as Error)?.message ?? e)
				.split('\n')[0]
				.slice(0, 200)} (could not read)`
		};
	}
}
