/** Test helper: read back every generated document; a rejection fails the whole suite with its reason. */
import type { GeneratedDocument } from '../../generator/corpus';
import { parseReport, type Parsed } from '../../ingest/parse-file';

export async function parseDocuments(documents: GeneratedDocument[]): Promise<{ doc: GeneratedDocument; result: Parsed }[]> {
	const parsed: { doc: GeneratedDocument; result: Parsed }[] = [];
	for (const doc of documents) {
		const result = await parseReport(doc.path, await doc.bytes());
		if (result.status !== 'ok') throw new Error(`${doc.path}: ${result.reason}`);
		parsed.push({ doc, result });
	}
	return parsed;
}
