/**
 * calcite-ferry: several JDBC databases in one SQL namespace, driven from TypeScript.
 *
 * @example
 * import { Ferry } from 'calcite-ferry';
 * const ferry = await Ferry.open({ databases: { shop: { url: 'jdbc:sqlite:./shop.db' } } });
 * const table = await ferry.query('SELECT * FROM shop.orders');
 * await ferry.close();
 */
export { Ferry, doctor, createDemo, engineDatabases, check, snapshot, copy, verify, verifyEach, migrate, backup, restore, readManifest, isBackupFolder, type BackupOptions, type RestoreOptions, type BackupEvent, type BackupResult, type BackupManifest, type BackupCheck, type RestoreEvent, type OpenOptions, type DoctorReport, type DoctorCheck, type DemoResult, type CheckOptions, type CheckReport, type CopyOptions, type VerifyOptions, type MigrateOptions, type ExplainResult, type Analysis, type AnalyzeResult, type PingResult, type CopyRequest } from './api/index.js';
export type { VerifyReport, VerifyJson, VerifyMethod, VerifyOutcome } from './verify/verify-report.js';
export type { MigrateEvent, MigrationPlan, MigrationPhase, MigrationReport, MigratedTable, PhaseResult, StepResult } from './migrate/events.js';
export { parseMapping, loadMapping, validateMapping, mappingFromMaps, mergeMappings, mappingSchema, type Mapping, type TableMapping } from './migrate/mapping.js';
export type { MappingSuggestion, TableSuggestion, ColumnSuggestion } from './migrate/mapping-suggestion.js';
export type { CopyEvent, CopyPlan, CopyResult, CopyProgress, CopyTableResult, CopyMode } from './copy/events.js';
export { copyRequestDefaults, verifyRequestDefaults } from './bridge/index.js';
export type { Finding, Severity, FindingSummary } from './compat/finding.js';
export type { SchemaSnapshot, TableInfo, ColumnInfo, LogicalType } from './schema/model.js';
export { defineConfig, configSchema, loadConfigFile, validateConfig, addBackupDatabase, type FerryConfig, type FerryConfigInput, type LoadedConfig } from './config/index.js';
export { FerryError, ERROR_CODES, type ErrorCode } from './errors/index.js';
export { batchColumns, tableTextRows, tableRows, type ColumnView, type ColumnKind, type ExactRow, type ExactValue } from './arrow/index.js';
