/**
 * Web pages as saved from government portals: the report is somewhere inside navigation,
 * possibly inside layout tables. Data tables (those without nested tables) are expanded into a
 * grid honouring rowspan/colspan; everything else becomes text lines. Scripts and styles are
 * never run: they are skipped as data.
 */
import { Parser } from 'htmlparser2';
import { cellFromLines, isValueToken } from '../cells';
import type { Block, SourceDocument } from '../document';
import { metaFromTable } from './page-meta';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'select', 'button', 'textarea']);
const BLOCK = new Set([
	'p',
	'div',
	'br',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'ul',
	'ol',
	'tr',
	'section',
	'article',
	'header',
	'footer',
	'table',
	'td',
	'th',
	'blockquote',
	'pre',
	'hr',
	'dd',
	'dt',
	'center',
	'form',
	'nav',
	'main',
	'aside'
]);
const MAX_SPAN = 100;

/** The page as a tree of elements and text: what the reader walks, lighter than a full DOM. */
interface Root {
	type: 'root';
	children: ChildNode[];
}
interface Element {
	type: 'tag' | 'script' | 'style';
	name: string;
	attribs: Record<string, string>;
	children: ChildNode[];
	parent: Element | Root;
}
interface Text {
	type: 'text';
	data: string;
	parent: Element | Root;
}
type ChildNode = Element | Text;

/**
 * htmlparser2's events (its tokenizer, entities and implied end tags) into a tree as its DOM
 * handler builds one: adjacent text is one node, a comment (not kept) ends it. A third cheaper
 * than the DOM, whose sibling links and node classes the reader does not use.
 */
function parseTree(html: string): Root {
	const root: Root = { type: 'root', children: [] };
	let open: Element | Root = root;
	let text: Text | null = null;
	const parser = new Parser(
		{
			onopentag(name, attribs) {
				const el: Element = { type: name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag', name, attribs, children: [], parent: open };
				open.children.push(el);
				open = el;
				text = null;
			},
			onclosetag() {
				if (open.type !== 'root') open = open.parent;
				text = null;
			},
			ontext(data) {
				if (text) text.data += data;
				else open.children.push((text = { type: 'text', data, parent: open }));
			},
			oncomment() {
				text = null;
			},
			onprocessinginstruction() {
				text = null;
			}
		},
		{ decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
	);
	parser.end(html);
	return root;
}

function isElement(n: ChildNode): n is Element {
	return n.type !== 'text';
}

function hasNestedTable(el: Element): boolean {
	for (const c of el.children) {
		if (!isElement(c)) continue;
		if (c.name === 'table' || hasNestedTable(c)) return true;
	}
	return false;
}

function cellText(el: Element): string {
	// Most cells hold one line of text: no walk, no split.
	const only = el.children.length === 1 ? el.children[0] : undefined;
	if (only?.type === 'text' && only.data.indexOf('\n') < 0 && only.data.indexOf('\r') < 0) return only.data.trim();
	let out = '';
	const walk = (n: ChildNode) => {
		if (n.type === 'text') out += n.data;
		else if (isElement(n) && !SKIP.has(n.name)) {
			if (n.name === 'br' || n.name === 'p' || n.name === 'div') out += '\n';
			n.children.forEach(walk);
		}
	};
	el.children.forEach(walk);
	return cellFromLines(out);
}

function tableRows(table: Element): Element[] {
	const rows: Element[] = [];
	const walk = (el: Element) => {
		for (const c of el.children) {
			if (!isElement(c)) continue;
			if (c.name === 'tr') rows.push(c);
			else if (c.name !== 'table') walk(c);
		}
	};
	walk(table);
	return rows;
}

const SPANNED = Symbol('spanned');

/** Expand a table into a grid; a label spanning cells repeats, a spanned figure or blank is kept once. */
function tableGrid(table: Element): string[][] {
	const grid: (string | typeof SPANNED | undefined)[][] = [];
	tableRows(table).forEach((tr, r) => {
		grid[r] ??= [];
		let c = 0;
		for (const td of tr.children) {
			if (!isElement(td) || (td.name !== 'td' && td.name !== 'th')) continue;
			while (grid[r][c] !== undefined) c++;
			const rs = Math.min(Math.max(parseInt(td.attribs.rowspan ?? '1', 10) || 1, 1), MAX_SPAN);
			const cs = Math.min(Math.max(parseInt(td.attribs.colspan ?? '1', 10) || 1, 1), MAX_SPAN);
			const text = cellText(td);
			// Asked only of a spanning cell: whether its copies repeat it (a label) or not (a figure).
			const figure = (rs > 1 || cs > 1) && isValueToken(text);
			for (let dr = 0; dr < rs; dr++) {
				grid[r + dr] ??= [];
				for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = (figure || text === '') && (dr || dc) ? SPANNED : text;
			}
			c += cs;
		}
	});
	return grid.map((row) => (row ?? []).filter((x): x is string => typeof x === 'string'));
}

/** A JavaScript string literal's text: its escapes (\\" \\/ \\n \\uXXXX …) undone. It is never run. */
function unescapeJs(body: string): string {
	return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
		if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
		return ({ n: '\n', r: '\r', t: '\t', b: '', f: '', v: '', 0: '' } as Record<string, string>)[e] ?? e;
	});
}

const STRING_LITERAL = /"((?:[^"\\\n]|\\[\s\S])*)"|'((?:[^'\\\n]|\\[\s\S])*)'/g;

/**
 * Some portals keep the whole article in a script, as a string (`var content = "<table border=\\"1\\">…"`)
 * written into the page when it runs. The script is not run: the string literals that hold the
 * article's tables are read as text and joined.
 */
function articleInScripts(dom: Root): string | undefined {
	const parts: string[] = [];
	const walk = (n: ChildNode) => {
		if (!isElement(n)) return;
		if (n.name === 'script') {
			const code = n.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
			if (!/<\\?\/?t[dr][\s>\\]/i.test(code)) return;
			for (const m of code.matchAll(STRING_LITERAL)) {
				const text = unescapeJs(m[1] ?? m[2] ?? '');
				if (/<\/?(t[dr]|p|table|div|span|br)[\s>/]/i.test(text)) parts.push(text);
			}
			return;
		}
		n.children.forEach(walk);
	};
	dom.children.forEach(walk);
	const html = parts.join('');
	return /<td[\s>]/i.test(html) && /政府信息公开/.test(html) ? html : undefined;
}

export function readHtml(html: string, nested = false): SourceDocument {
	const dom = parseTree(html);
	const blocks: Block[] = [];
	let line = '';
	let title: string | undefined;
	let markdownLines = false;
	// Inside an <a>, and whether the current line has text outside any.
	let linkDepth = 0;
	let ownText = false;
	const flush = () => {
		const t = line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
		if (t) blocks.push(ownText ? { kind: 'text', text: t } : { kind: 'text', text: t, link: true });
		line = '';
		ownText = false;
	};
	const walk = (n: ChildNode) => {
		if (n.type === 'text') {
			// Text outside any element is a Markdown page with HTML tables (as OCR tools write them):
			// its lines are lines, and a heading's # is markup.
			if (n.parent?.type === 'root' && /\n/.test(n.data)) {
				markdownLines ||= /\S/.test(n.data);
				for (const [i, part] of n.data.split(/\r?\n/).entries()) {
					if (i > 0) flush();
					line += part.replace(/^\s*#{1,6}\s+/, '');
					if (/\S/.test(part)) ownText = true;
				}
				return;
			}
			line += n.data.replace(/[\r\n]+/g, ' ');
			if (linkDepth === 0 && /\S/.test(n.data)) ownText = true;
			return;
		}
		if (!isElement(n)) return;
		if (n.name === 'title' && title === undefined) {
			title = cellText(n);
			return;
		}
		if (SKIP.has(n.name)) {
			if (n.name === 'head') n.children.forEach(walk);
			return;
		}
		if (n.name === 'table' && !hasNestedTable(n)) {
			flush();
			const rows = tableGrid(n).filter((r) => r.length);
			if (rows.length) blocks.push({ kind: 'table', rows });
			return;
		}
		const isBlock = BLOCK.has(n.name);
		if (isBlock) flush();
		if (n.name === 'a') linkDepth++;
		n.children.forEach(walk);
		if (n.name === 'a') linkDepth--;
		if (isBlock) flush();
	};
	dom.children.forEach(walk);
	flush();
	// A portal's info table before the report's own tables.
	const firstReportTable = blocks.findIndex((b) => b.kind === 'text' && /^\s*[二三]\s*[、.．]\s*(主动公开|收到和处理)/.test(b.text));
	const meta = blocks
		.slice(0, firstReportTable < 0 ? blocks.length : firstReportTable)
		.map((b) => (b.kind === 'table' ? metaFromTable(b.rows) : undefined))
		.find(Boolean);
	// No report tables in the page itself: the article may be a string in one of its scripts.
	const hasReportTable = blocks.some((b) => b.kind === 'table' && b.rows.length >= 5);
	const scripted = !nested && !hasReportTable ? articleInScripts(dom) : undefined;
	if (scripted) {
		const inner = readHtml(scripted, true);
		return { meta: meta ?? inner.meta, blocks: [...blocks.filter((b) => b.kind === 'text'), ...inner.blocks], title, layout: `${inner.layout}（正文在脚本的字符串中）` };
	}
	return {
		...(meta ? { meta } : {}),
		blocks,
		title,
		layout: markdownLines ? 'Markdown 中的 HTML 表格（OCR）' : blocks.some((b) => b.kind === 'table') ? '网页表格' : '网页文本'
	};
}
