import type { DatasetRow } from '../schema/dataset';

/** One row of reports.parquet, as the ingest makes it: the contract's columns (schema/dataset.ts). */
export type ReportRow = DatasetRow<'reports'> & { origin: 'document' | 'generated' };
