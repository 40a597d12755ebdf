/**
 * A report as a government portal publishes it: a whole page with navigation, scripts and a
 * footer around the article; tables with rowspan/colspan; blank cells as &nbsp;; now and then
 * the article kept in a script as a JavaScript string.
 */
import { chineseDate, prose, titleLine, titleOf } from './prose';
import { SECTION_HEADINGS, layoutTables } from './layout';
import type { Rng } from './rng';
import type { Mess, ReportSpec } from './spec';

export function escapeHtml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A portal's info table above the article: often the only reliable place for agency and date. */
function infoTable(spec: ReportSpec): string {
	const cell = (t: string) => `<td>${escapeHtml(t)}</td>`;
	return `<table class="xxgk-info"><tr>${cell('索引号')}${cell(`0000-${spec.year + 1}-00001`)}${cell('发布机构')}${cell(spec.titleName)}</tr><tr>${cell('发布日期')}${cell(spec.published)}${cell('文号')}${cell('')}</tr></table>`;
}

export function renderHtml(spec: ReportSpec, rng: Rng, mess: Mess, charset: 'utf-8' | 'gbk' = 'utf-8'): string {
	const p = prose(spec, rng);
	const title = `${spec.titleName}${titleLine(spec)}`;
	const para = (t: string) => `<p style="text-indent:2em">${escapeHtml(t)}</p>`;
	const tables = layoutTables(spec, rng, mess)
		.map((t) => {
			const rows = t.rows
				.map((row) => {
					const cells = row
						.map((c) => {
							const attrs = `${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
							const body = c.split ? `${escapeHtml(c.split[0])}<br/>${escapeHtml(c.split[1])}` : c.text === '' ? '&nbsp;' : escapeHtml(c.text).replace(/\u00a0/g, '&nbsp;');
							return c.kind === 'header' ? `<td${attrs} style="text-align:center"><strong>${body}</strong></td>` : `<td${attrs}>${body}</td>`;
						})
						.join('');
					return `<tr>${cells}</tr>`;
				})
				.join('\n');
			return `<p><strong>${escapeHtml(SECTION_HEADINGS[t.table])}</strong></p>\n<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">\n<tbody>\n${rows}\n</tbody></table>`;
		})
		.join('\n');
	const article = `${p.intro.map(para).join('\n')}
<p><strong>一、总体情况</strong></p>
${p.overview.map(para).join('\n')}
${tables}
<p><strong>五、存在的主要问题及改进情况</strong></p>
${p.problems.map(para).join('\n')}
<p><strong>六、其他需要报告的事项</strong></p>
${p.other.map(para).join('\n')}
<p style="text-align:right">${escapeHtml(spec.signature)}</p>
<p style="text-align:right">${chineseDate(spec.published)}</p>`;
	// Some portals keep the article in a script as a string literal (quotes and slashes escaped) and write it in when the page runs.
	const inScript = mess.articleInScript ?? rng.chance(0.08);
	const content = inScript
		? `<div class="content" id="zoom"></div>\n<script type="text/javascript">var content = ${JSON.stringify(article).replace(/<\//g, '<\\/')};\ndocument.getElementById('zoom').innerHTML = content;</script>`
		: `<div class="content">\n${article}\n</div>`;
	const nav = ['首页', '机构概况', '政务公开', '政务服务', '互动交流'].map((n, i) => `<li><a href="/col${i}/index.html">${n}</a></li>`).join('');
	return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${escapeHtml(title)}</title>
<script type="text/javascript">var _hmt = _hmt || []; document.write('<span id="visits"></span>');</script>
<style>.nav li{display:inline;margin:0 8px}</style>
</head>
<body>
<div class="header"><div class="logo">${escapeHtml(spec.signature)}门户网站</div><ul class="nav">${nav}</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article">
${mess.metaBlock ? infoTable(spec) : ''}
<h1 style="text-align:center">${titleOf(spec, mess).map(escapeHtml).join('<br/>')}</h1>
<div class="info">发布时间：${spec.published}&nbsp;&nbsp;来源：${escapeHtml(spec.signature)}&nbsp;&nbsp;<span id="fontsize">字号：大 中 小</span></div>
${content}
</div>
<div class="footer"><p>主办单位：${escapeHtml(spec.signature)}\u3000网站标识码：4101000001\u3000<a href="/sitemap.html">网站地图</a></p></div>
<script>window.onload=function(){ /* statistics */ };</script>
</body>
</html>
`;
}
