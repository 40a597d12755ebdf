/** What every reader produces: the document's text lines and tables, in document order. */
export type Block = { kind: 'text'; text: string } | { kind: 'table'; rows: string[][] };

export interface SourceDocument {
	blocks: Block[];
	/** The page title of a web page, when it has one. */
	title?: string;
	/**
	 * The table cells may have lost their separators (crawler text, OCR markdown, PDF text):
	 * figures that ran together are cut by the format's arithmetic (reconstruct.ts).
	 */
	runTogether?: boolean;
	/** Read as OCR markdown tables. */
	markdown?: boolean;
}

export type InputForm = 'text' | 'html' | 'docx' | 'pdf' | 'markdown';
