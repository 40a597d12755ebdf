/** One row of reports.parquet, as the ingest makes it. */
export interface ReportRow {
	report_id: string;
	agency: string;
	agency_kind: string;
	year: number;
	format: string;
	published: string | null;
	province: string | null;
	city: string | null;
	county: string | null;
	division_code: string | null;
	origin: 'document' | 'generated';
	source_name: string;
	source_form: string;
	source_encoding: string;
	source_sha256: string;
	warnings: number;
	reconstructed: boolean;
}
