import type { Wire } from '../bridge/index.js';
import type { CopyEvent } from '../copy/events.js';
import type { VerifyReport } from '../verify/verify-report.js';

/** A migration's plan: tables in load order, structure steps by phase, warnings, skipped objects. */
export type MigrationPlan = Readonly<Wire.MigrationPlan>;

/** A structure phase: `types`, `tables`, `constraints`, `foreign-keys`, `identities`, `views`, `cleanup`. */
export type MigrationPhase = Wire.MigrationPhase;

/** What one structure phase did, step by step. */
export type PhaseResult = Readonly<Wire.PhaseResult>;

/** The structure phases before the load, in order. */
export const BEFORE_LOAD: readonly MigrationPhase[] = ['types', 'tables'];

/** The structure phases after the load, in order (then `cleanup`). */
export const AFTER_LOAD: readonly MigrationPhase[] = ['constraints', 'foreign-keys', 'identities', 'views'];

/** Every structure phase a plan's steps belong to, in the order they run. */
export const STRUCTURE_PHASES: readonly MigrationPhase[] = [...BEFORE_LOAD, ...AFTER_LOAD];

/** One structure step's outcome. */
export type StepResult = Readonly<Wire.PhaseResultStepResult>;

/**
 * What a running migration reports, in order: its plan, each structure phase, the load's copy
 * events (progress per table), then each table's verification.
 */
export type MigrateEvent =
  | { readonly kind: 'plan'; readonly plan: MigrationPlan }
  | { readonly kind: 'phase'; readonly result: PhaseResult }
  | { readonly kind: 'load'; readonly event: CopyEvent }
  | { readonly kind: 'verified'; readonly report: VerifyReport };

/** One migrated table in the report. */
export interface MigratedTable {
  readonly source: string;
  readonly target: string;
  /** Whether the table existed in the target before (loaded, not created). */
  readonly existed: boolean;
  readonly loaded: boolean;
  readonly rows: number;
  readonly seconds: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Null when the table was not verified (its load failed). */
  readonly verify: { readonly match: boolean; readonly sourceRows: number; readonly targetRows: number; readonly differingKeyCount: number; readonly method: string } | null;
}

/** What `ferry migrate` did, as data: the text, JSON and exit code are all derived from it. */
export interface MigrationReport {
  readonly from: string;
  readonly to: string;
  readonly sourceEngine: string;
  readonly targetEngine: string;
  readonly dryRun: boolean;
  readonly plan: MigrationPlan;
  readonly phases: readonly PhaseResult[];
  readonly tables: readonly MigratedTable[];
  /** Structure steps that failed (the migration went on without them). */
  readonly failedSteps: readonly StepResult[];
  readonly seconds: number;
  /** Every table loaded and verified exact, and every structure step done. */
  readonly ok: boolean;
  /** What ran: a migration (the default) or the restore of a backup (`from` is then the backup). */
  readonly operation?: 'migrate' | 'restore';
}
