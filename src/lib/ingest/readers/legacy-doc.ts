/**
 * Legacy Word (.doc) reports, from the text a host's extractor gives of them (word-extractor in
 * Node): paragraphs on lines, a table's cells and its row ends all as tabs. Each cell becomes a line
 * of its own closed by ` |` (an empty one a bare `|`), the cell-line reader then finds the rows by
 * their labels; the empty cell each row end leaves is padding there.
 */
import type { SourceDocument } from '../document';
import { asCellLine } from './cell-lines';
import { readText } from './text';

export function readLegacyDocText(body: string): SourceDocument {
	const lines = body.split(/\r\n|\r|\n/).flatMap((p) => (p.includes('\t') ? p.split('\t').map(asCellLine) : [p]));
	const doc = readText(lines.join('\n'));
	return { ...doc, layout: `旧版 Word (.doc)：${doc.layout ?? ''}` };
}
