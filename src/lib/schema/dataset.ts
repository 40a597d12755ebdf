/**
 * The dataset's tables and columns (the Parquet data contract). The ingest writes these, the
 * browser loads and queries them; SQL names come only from here.
 */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

export const DATASET_TABLES = {
	reports: {
		report_id: 'VARCHAR',
		agency: 'VARCHAR',
		agency_kind: 'VARCHAR',
		year: 'INTEGER',
		format: 'VARCHAR',
		published: 'DATE',
		province: 'VARCHAR',
		city: 'VARCHAR',
		county: 'VARCHAR',
		division_code: 'VARCHAR',
		origin: 'VARCHAR',
		source_name: 'VARCHAR',
		source_form: 'VARCHAR',
		source_encoding: 'VARCHAR',
		source_sha256: 'VARCHAR',
		warnings: 'INTEGER',
		/** Figures that ran together were cut by the format's arithmetic (crawler text, OCR, PDF). */
		reconstructed: 'BOOLEAN'
	},
	figures: {
		report_id: 'VARCHAR',
		table_code: 'VARCHAR',
		row_code: 'VARCHAR',
		col_code: 'VARCHAR',
		value: 'DOUBLE',
		raw: 'VARCHAR',
		unit: 'VARCHAR'
	},
	checks: {
		report_id: 'VARCHAR',
		check_code: 'VARCHAR',
		kind: 'VARCHAR',
		table_code: 'VARCHAR',
		rule: 'VARCHAR',
		passed: 'BOOLEAN',
		expected: 'DOUBLE',
		actual: 'DOUBLE',
		cells: 'VARCHAR',
		blank_cells: 'VARCHAR',
		missing_cells: 'VARCHAR',
		message: 'VARCHAR'
	}
} as const satisfies Record<string, Record<string, ColumnType>>;

export type DatasetTable = keyof typeof DATASET_TABLES;

/** Columns that may hold NULL (a date or region the document does not give; a blank cell; a check that could not run). */
export const NULLABLE = {
	reports: ['published', 'province', 'city', 'county', 'division_code'],
	figures: ['value', 'unit'],
	checks: ['passed', 'expected', 'actual']
} as const satisfies { [T in DatasetTable]: readonly (keyof (typeof DATASET_TABLES)[T])[] };

type TsOf<C extends ColumnType> = C extends 'VARCHAR' | 'DATE' ? string : C extends 'INTEGER' | 'DOUBLE' ? number : boolean;

/** One row of a table as TypeScript sees it, derived from the columns above (DATE as YYYY-MM-DD). */
export type DatasetRow<T extends DatasetTable> = {
	-readonly [K in keyof (typeof DATASET_TABLES)[T]]: (typeof DATASET_TABLES)[T][K] extends ColumnType
		? K extends (typeof NULLABLE)[T][number]
			? TsOf<(typeof DATASET_TABLES)[T][K]> | null
			: TsOf<(typeof DATASET_TABLES)[T][K]>
		: never;
};

/** The columns of a table in the order the files hold them. */
export function columnsOf<T extends DatasetTable>(table: T): [keyof (typeof DATASET_TABLES)[T] & string, ColumnType][] {
	return Object.entries(DATASET_TABLES[table]) as [keyof (typeof DATASET_TABLES)[T] & string, ColumnType][];
}
export const DATASET_TABLE_NAMES = Object.keys(DATASET_TABLES) as DatasetTable[];

/** Columns a file must have to be usable (the contract's "at least"). */
export const REQUIRED_COLUMNS: Record<DatasetTable, string[]> = {
	reports: ['report_id', 'agency', 'agency_kind', 'year', 'format', 'published', 'province', 'city', 'county', 'division_code', 'origin', 'source_name', 'source_sha256'],
	figures: ['report_id', 'table_code', 'row_code', 'col_code', 'value', 'raw'],
	checks: ['report_id', 'check_code', 'passed']
};

export function ddl(table: DatasetTable): string {
	return Object.entries(DATASET_TABLES[table])
		.map(([name, type]) => `${name} ${type}`)
		.join(', ');
}

export const SCHEMA_VERSION = 1;

/** manifest.json of a flat dataset (one file a table); the partitioned one is in layout.ts. */
export interface FlatManifest {
	schema_version: number;
	layout?: undefined;
	built_at?: string;
	files: { name: string; path: string; rows: number }[];
	summary?: string;
	origins?: Record<string, number>;
}
