/** A report to render: who, when, which format, and the figure of every cell (null = blank). */
import type { FormatVersion } from '../src/lib/schema/report-format';
import type { TitleLayout } from './wordings';

export interface ReportSpec {
	agency: string;
	/** The name as printed in the title (may include the region prefix). */
	titleName: string;
	/** Short name used in the signature. */
	signature: string;
	year: number;
	format: FormatVersion;
	published: string;
	/** cellKey → value; null is a printed blank. Cells not in the map are not printed. */
	figures: Map<string, number | null>;
	/** Print 2021's （六）其他处理 as one row instead of three. */
	otherAsOneRow?: boolean;
	/** A planted fault: the prose states the applications received this much off the table. */
	statedOffset?: number;
	/** PDF only: false prints the tables without borders. */
	tableBorders?: boolean;
	generated: boolean;
}

export interface Mess {
	/** Share of value cells padded with no-break spaces. */
	nbsp: number;
	/** Share of numbers printed with full-width digits. */
	fullWidth: number;
	/** Share of blank cells printed as a marker (—, -, 无, /) instead of left empty: both mean not printed. */
	blankAsMarker: number;
	/** Labels of the 予以公开 … 不予公开 rows lost (as in the sample). */
	dropOutcomeLabels: boolean;
	/** Header cells split over two lines. */
	splitHeaders: boolean;
	/** Word bookmark artefacts. */
	artefacts: boolean;
	/** Money printed with a unit (元 / 万元). */
	moneyUnits: boolean;
	/** Share of row labels worded as real reports word them instead of officially (wordings.ts). */
	labelDrift: number;
	/** How the title is laid out (wordings.ts). */
	title: TitleLayout;
	/** Lines with no content around the body (正文, 字号, footers). */
	chrome: boolean;
	/** A metadata block before the body: a crawler header, or a portal's info table. */
	metaBlock: boolean;
	/** Crawler text: the whole body on one line. */
	oneLine: boolean;
	/** Crawler text: each table cell on a line of its own, closed by ` |`. */
	cellLines: boolean;
	/** With cellLines: each row closed by a run of bars, one per grid place its spans cover ("||"). */
	spanBars: boolean;
	/** With cellLines: a row's cells on one line ("规章 | 0 | 0 | 0 |"). */
	rowPerLine: boolean;
	/** HTML: the article kept in a script as a string, written into the page when it runs (unset: now and then, by the page's own draw). */
	articleInScript?: boolean;
}

export const CLEAN: Mess = {
	nbsp: 0,
	fullWidth: 0,
	blankAsMarker: 0,
	dropOutcomeLabels: false,
	splitHeaders: false,
	artefacts: false,
	moneyUnits: false,
	labelDrift: 0,
	title: 'agency-then-year',
	chrome: false,
	metaBlock: false,
	oneLine: false,
	cellLines: false,
	spanBars: false,
	rowPerLine: false
};
