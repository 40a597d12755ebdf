/**
 * The <iframe> snippet a portal pastes to embed one chart: the frame, and a listener that sizes it
 * from the embed's `gov-disclosure-embed` height messages — only from the app's own origin and only
 * for the frame that sent it.
 */
export function embedSnippet(o: { origin: string; base: string; params: URLSearchParams; title: string }): string {
	const src = `${o.origin}${o.base}/embed?${o.params.toString()}`;
	const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	const origin = JSON.stringify(o.origin);
	const listener =
		`window.addEventListener('message',function(e){if(e.origin!==${origin}||!e.data||e.data.type!=='gov-disclosure-embed')return;` +
		`document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+'px';});});`;
	// The query string is URL-encoded already: only a quote could end the attribute.
	return `<iframe src="${src.replace(/"/g, '&quot;')}" title="${attr(o.title)}" style="width:100%;border:0" height="420" loading="lazy"></iframe>\n<script>${listener}</script>`;
}
