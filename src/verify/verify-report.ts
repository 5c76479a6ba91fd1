import type { Wire } from '../bridge/index.js';
import { verifyMethodWords } from './verify-method.js';

/** How the chunk checksums of a verification were computed. */
export type VerifyMethod = Wire.VerifyMethod;

/** One table to verify, as the JVM takes it (`targetTable` defaults to `table`). */
export type VerifyRequest = Wire.VerifyRequest;

/** One differing key (`id=5`) and how it differs in the target. */
export type VerifyDifference = Readonly<Wire.VerifyReportDifference>;

/** What verifying one table found; generated from the JVM's `VerifyReport` record. */
export type VerifyReport = Readonly<Wire.VerifyReport>;

/** The stable `--format json` shape of `ferry verify`, one entry per table. */
export interface VerifyJson {
  /** Tables that could not be compared, with why (absent when every table was compared). */
  readonly errors?: readonly { readonly table: string; readonly code: string; readonly message: string }[];
  readonly tables: readonly {
    readonly table: string;
    readonly sourceRows: number;
    readonly targetRows: number;
    readonly match: boolean;
    /** At most the first 100 differing keys, in key order. */
    readonly differingKeys: readonly string[];
    /** Every differing key found, listed or not. */
    readonly differingKeyCount: number;
    /** Whether `differingKeys` lists fewer keys than differ. */
    readonly truncated: boolean;
  }[];
}

/**
 * Whether any table differs, which makes `ferry verify` exit 1.
 *
 * @example
 * anyDifference([report]) // false when report.match
 */
export function anyDifference(reports: readonly VerifyReport[]): boolean {
  return reports.some((r) => !r.match);
}

/** One table's verification: its report, or why it could not be compared. */
export interface VerifyOutcome {
  readonly table: string;
  readonly report: VerifyReport | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * The documented JSON output: only the stable fields of each report.
 *
 * @example
 * verifyJson([report]).tables[0].differingKeys // ['id=5']
 */
export function verifyJson(reports: readonly VerifyReport[], failures: readonly VerifyOutcome[] = []): VerifyJson {
  return {
    ...(failures.length ? { errors: failures.map((f) => ({ table: f.table, code: f.error?.code ?? '', message: f.error?.message ?? '' })) } : {}),
    tables: reports.map((r) => ({
      table: r.table,
      sourceRows: r.sourceRows,
      targetRows: r.targetRows,
      match: r.match,
      differingKeys: [...r.differingKeys],
      differingKeyCount: r.differingKeyCount,
      truncated: r.differingKeyCount > r.differingKeys.length,
    })),
  };
}

/**
 * One line per table for text output: the verdict, the counts and the first differing keys.
 *
 * @example
 * verifySummary(report) // 'orders: 3 differences in 1,000,000 → 1,000,000 rows (1 missing, 1 extra, 1 changed): id=5 (changed), …'
 */
export function verifySummary(report: VerifyReport, shownKeys = 5): string {
  const rows = `${report.sourceRows.toLocaleString('en-US')} → ${report.targetRows.toLocaleString('en-US')} rows`;
  if (report.match) return `${report.table}: exact (${rows}, ${report.chunks} chunk${report.chunks === 1 ? '' : 's'}, ${verifyMethodWords(report.method)})`;
  const kinds = (['missing', 'extra', 'changed'] as const)
    .filter((k) => report[k] > 0)
    .map((k) => `${report[k]} ${k}`)
    .join(', ');
  const shown = report.differences.slice(0, shownKeys).map((d) => `${d.key} (${d.kind})`);
  const more = report.differingKeyCount - shown.length;
  const keys = shown.length === 0 ? '' : `: ${shown.join(', ')}${more > 0 ? `, … ${more} more` : ''}`;
  const count = report.differingKeyCount > 0 ? `${report.differingKeyCount} differences` : 'differs';
  return `${report.table}: ${count} in ${rows}${kinds ? ` (${kinds})` : ''}${keys}`;
}
