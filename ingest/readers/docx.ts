/**
 * Word files: mammoth reads the document's own structure (paragraphs, tables with merged cells
 * as rowspan/colspan) and gives HTML, which the HTML reader maps like any web page.
 */
import mammoth from 'mammoth';
import type { SourceDocument } from '../document';
import { readHtml } from './html';

export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
	const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false });
	return readHtml(value);
}
