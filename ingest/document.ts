/** What every reader produces: the document's text lines and tables, in document order. */
export type Block = { kind: 'text'; text: string } | { kind: 'table'; rows: string[][] };

export interface SourceDocument {
	blocks: Block[];
	/** The page title of a web page, when it has one. */
	title?: string;
}

export type InputForm = 'text' | 'html' | 'docx' | 'pdf';
