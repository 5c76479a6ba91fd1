/** How the chunk checksums of a verification were computed. */
export type VerifyMethod = 'checksum-in-database' | 'checksum-in-jvm' | 'rows';

/** One table to verify, as `Engine.verify` takes it. */
export interface VerifyRequest {
  /** Source database, as configured. */
  readonly from: string;
  /** Target database, as configured. */
  readonly to: string;
  /** Table in the source (exact spelling first, then case-insensitive). */
  readonly table: string;
  /** Table in the target; defaults to `table`. */
  readonly targetTable?: string | undefined;
  /** Rows per checksum chunk; defaults to 100,000. */
  readonly chunkRows?: number | undefined;
  /** Source namespace for a database not pinned to one schema. */
  readonly fromNamespace?: string | null | undefined;
  /** Target namespace for a database not pinned to one schema. */
  readonly toNamespace?: string | null | undefined;
}

/** One differing key (`id=5`) and how it differs in the target. */
export interface VerifyDifference {
  readonly kind: 'missing' | 'extra' | 'changed';
  readonly key: string;
}

/** What verifying one table found; mirrors the Java `VerifyReport`. */
export interface VerifyReport {
  readonly table: string;
  readonly targetTable: string;
  readonly sourceRows: number;
  readonly targetRows: number;
  /** Whether every chunk's row count and checksum agree. */
  readonly match: boolean;
  /** At most 100 differing keys, `col=value` joined by `, ` for composite keys. */
  readonly differingKeys: readonly string[];
  /** The listed keys with their kind of difference. */
  readonly differences: readonly VerifyDifference[];
  /** All differing keys found, listed or not. */
  readonly differingKeyCount: number;
  readonly missing: number;
  readonly extra: number;
  readonly changed: number;
  /** Chunks compared. */
  readonly chunks: number;
  /** Chunks whose count or checksum differed. */
  readonly mismatchedChunks: number;
  readonly method: VerifyMethod;
  /** Source primary key; empty when the table was compared as a whole. */
  readonly key: readonly string[];
  /** Columns compared, as the source names them. */
  readonly columns: readonly string[];
  readonly millis: number;
  /** Why a method was chosen, columns left out, limits met. */
  readonly notes: readonly string[];
}

/** The stable `--format json` shape of `ferry verify`, one entry per table. */
export interface VerifyJson {
  readonly tables: readonly {
    readonly table: string;
    readonly sourceRows: number;
    readonly targetRows: number;
    readonly match: boolean;
    readonly differingKeys: readonly string[];
  }[];
}

/**
 * The request bytes `Engine.verify` expects, with every default spelled out.
 *
 * @example
 * verifyRequestJson({ from: 'pg', to: 'maria', table: 'orders' })
 * // {"from":"pg","to":"maria","table":"orders","targetTable":"orders","chunkRows":100000,"fromNamespace":null,"toNamespace":null}
 */
export function verifyRequestJson(request: VerifyRequest): string {
  return JSON.stringify({
    from: request.from,
    to: request.to,
    table: request.table,
    targetTable: request.targetTable ?? request.table,
    chunkRows: request.chunkRows ?? 100_000,
    fromNamespace: request.fromNamespace ?? null,
    toNamespace: request.toNamespace ?? null,
  });
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

/**
 * The documented JSON output: only the stable fields of each report.
 *
 * @example
 * verifyJson([report]).tables[0].differingKeys // ['id=5']
 */
export function verifyJson(reports: readonly VerifyReport[]): VerifyJson {
  return {
    tables: reports.map((r) => ({
      table: r.table,
      sourceRows: r.sourceRows,
      targetRows: r.targetRows,
      match: r.match,
      differingKeys: [...r.differingKeys],
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
  if (report.match) return `${report.table}: exact (${rows}, ${report.chunks} chunks, ${report.method})`;
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
