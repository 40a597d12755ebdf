#!/usr/bin/env node
/**
 * Serve the built app (build/) and a dataset folder (at /data/) with correct byte ranges
 * (serve-static/send; Vite's preview server answers `Range: bytes=0-0` with the whole file),
 * explicit content types, and precompressed .br/.gz files when the client accepts them and
 * asks for no range. Unknown app paths fall back to index.html for the client-side router.
 *   node scripts/serve.js [--port 4173] [--data data] [--build build] [--base /sub/path]
 */
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import serveStatic from 'serve-static';

const { values: opt } = parseArgs({
	options: {
		port: { type: 'string', default: String(process.env.PORT ?? 4173) },
		data: { type: 'string', default: 'data' },
		build: { type: 'string', default: 'build' },
		base: { type: 'string', default: process.env.BASE_PATH ?? '' }
	}
});
const port = Number(opt.port);
const dataDir = path.resolve(opt.data);
const buildDir = path.resolve(opt.build);
const base = opt.base.replace(/\/$/, '');

if (!existsSync(path.join(buildDir, 'index.html'))) {
	console.error(`serve: ${buildDir}/index.html is missing: run \`npm run build\` first (or \`npm start\`).`);
	process.exit(1);
}

const TYPES = {
	'.wasm': 'application/wasm',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.parquet': 'application/vnd.apache.parquet',
	'.html': 'text/html; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png'
};
const ENCODINGS = { '.br': 'br', '.gz': 'gzip' };

function setHeaders(res, file) {
	let ext = path.extname(file);
	const encoding = ENCODINGS[ext];
	if (encoding) {
		res.setHeader('Content-Encoding', encoding);
		res.setHeader('Vary', 'Accept-Encoding');
		ext = path.extname(file.slice(0, -ext.length));
	}
	if (TYPES[ext]) res.setHeader('Content-Type', TYPES[ext]);
	res.setHeader('X-Content-Type-Options', 'nosniff');
	if (file.includes(`${path.sep}immutable${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

const data = serveStatic(dataDir, {
	index: false,
	fallthrough: true,
	setHeaders: (res, file) => {
		setHeaders(res, file);
		res.setHeader('Access-Control-Allow-Origin', '*');
		res.setHeader('Cache-Control', 'no-cache');
	}
});
const app = serveStatic(buildDir, { index: ['index.html'], fallthrough: true, setHeaders });

/** Use file.br / file.gz when present and the request accepts it (never for a range request). */
function precompressed(req) {
	if (req.headers.range || !/\.(wasm|js|css|json|html)$/.test(req.url.split('?')[0])) return;
	const accept = String(req.headers['accept-encoding'] ?? '');
	const rel = decodeURIComponent(req.url.split('?')[0]);
	for (const [ext, name] of [
		['.br', 'br'],
		['.gz', 'gzip']
	]) {
		if (accept.includes(name) && existsSync(path.join(buildDir, rel + ext))) {
			req.url = rel + ext;
			return;
		}
	}
}

/**
 * A dataset's JSON (summary, cube, manifest) gzipped on the fly, as static hosts do: the cube of a
 * national dataset is 1 MB as text, 0.3 MB gzipped. Kept per file until it changes; revalidated by ETag.
 */
const gzipped = new Map();
function gzipDataJson(req, res) {
	const rel = decodeURIComponent(req.url.split('?')[0]);
	if (req.headers.range || !rel.endsWith('.json') || !String(req.headers['accept-encoding'] ?? '').includes('gzip')) return false;
	const file = path.join(dataDir, rel);
	if (!file.startsWith(dataDir + path.sep) || !existsSync(file)) return false;
	const { mtimeMs, size } = statSync(file);
	const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}-gz"`;
	let hit = gzipped.get(file);
	if (!hit || hit.etag !== etag) gzipped.set(file, (hit = { etag, body: gzipSync(readFileSync(file)) }));
	const headers = {
		'Content-Type': TYPES['.json'],
		'Content-Encoding': 'gzip',
		Vary: 'Accept-Encoding',
		ETag: etag,
		'Cache-Control': 'no-cache',
		'Access-Control-Allow-Origin': '*',
		'X-Content-Type-Options': 'nosniff'
	};
	if (req.headers['if-none-match'] === etag) res.writeHead(304, headers).end();
	else res.writeHead(200, { ...headers, 'Content-Length': hit.body.length }).end(req.method === 'HEAD' ? undefined : hit.body);
	return true;
}

function notFound(res) {
	res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
	res.end('not found');
}

const server = http.createServer((req, res) => {
	let url = req.url ?? '/';
	if (base) {
		if (!url.startsWith(base)) {
			res.writeHead(302, { Location: base + '/' });
			return res.end();
		}
		req.url = url = url.slice(base.length) || '/';
	}
	if (url.startsWith('/data/')) {
		req.url = url.slice('/data'.length);
		if (gzipDataJson(req, res)) return;
		return data(req, res, () => notFound(res));
	}
	precompressed(req);
	app(req, res, () => {
		// Client-side routes (/, /embed, …) are all index.html.
		if (path.extname(url.split('?')[0])) return notFound(res);
		req.url = '/index.html';
		app(req, res, () => notFound(res));
	});
});
server.listen(port, '0.0.0.0', () => {
	console.log(`政府信息公开年度报告分析 → http://localhost:${port}${base}/  (data: ${path.relative(process.cwd(), dataDir) || '.'})`);
});
