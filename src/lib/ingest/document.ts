/** What every reader produces: the document's text lines and tables, in document order. */
export type Block =
	/** `link`: the line is wholly a link's text (a portal's menu, a list of other reports): no part of the report's own words. */
	{ kind: 'text'; text: string; link?: true } | { kind: 'table'; rows: string[][] };

/** What a page says about itself outside its body: a crawler header or a portal's info table. */
export interface DocumentMeta {
	/** Where it came from, for the warnings: 爬虫页头, 网页信息栏. */
	form: string;
	title?: string;
	/** The publication date as printed (2023-02-20 15:07, 2023年2月20日). */
	date?: string;
	/** The publishing agency (发布机构); placeholders are dropped by recognition. */
	publisher?: string;
	/** 来源: often the portal's owner or the office that posted it, so read for the agency last. */
	source?: string;
}

export interface SourceDocument {
	/** The page's own metadata block, when it has one. */
	meta?: DocumentMeta;
	blocks: Block[];
	/** The page title of a web page, when it has one. */
	title?: string;
	/**
	 * The table cells may have lost their separators (crawler text, OCR markdown, PDF text):
	 * figures that ran together are cut by the format's arithmetic (reconstruct.ts).
	 */
	runTogether?: boolean;
	/** Each figure is a cell of its own (a PDF's glyph runs without table rules): never cut inside one. */
	wholeCells?: boolean;
	/** How its tables were laid out, as the reader found them (for the ingest report). */
	layout?: string;
	/** Read as OCR markdown tables. */
	markdown?: boolean;
	/** Radical or compatibility forms read as the ideographs they stand for (han-variants.ts). */
	hanVariants?: number;
	/** Written in traditional characters, read converted to simplified ones (traditional.ts). */
	traditional?: boolean;
	/** Tables the reader saw but would not read, and why (a report with none read is refused with it). */
	tablesRefused?: string;
	/**
	 * The same text read as cells one per line in row order (a crawler's text of a page, each text
	 * node on a line; a Word table saved as plain text): taken only where it reads cleanly.
	 */
	asCellLines?: SourceDocument;
}

export type InputForm = 'text' | 'html' | 'docx' | 'doc' | 'pdf' | 'markdown';
