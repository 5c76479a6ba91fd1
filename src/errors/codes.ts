/**
 * Every stable error code Ferry can report, with the process exit code it maps to.
 *
 * Exit codes: 0 ok, 1 findings or differences found, 2 usage or config, 3 connection or JVM.
 * @example
 * ERROR_CODES.CONFIG_INVALID.exit // 2
 */
export const ERROR_CODES = {
  USAGE: { exit: 2, summary: 'the command line is wrong' },
  CONFIG_NOT_FOUND: { exit: 2, summary: 'no config file where one was expected' },
  CONFIG_INVALID: { exit: 2, summary: 'the config does not match the schema' },
  ENV_MISSING: { exit: 2, summary: 'a ${VAR} in the config is not set' },
  UNKNOWN_DATABASE: { exit: 2, summary: 'a database name that is not configured' },
  UNKNOWN_TABLE: { exit: 2, summary: 'a table or view the database does not have (the closest names are listed)' },
  SQL_SYNTAX: { exit: 2, summary: 'the SQL does not parse' },
  SQL_VALIDATION: { exit: 2, summary: 'unknown table or column, or a type error' },
  SQL_EXECUTION: { exit: 2, summary: 'a database rejected the statement' },
  PLAN_TIMEOUT: { exit: 2, summary: 'planning the query took longer than its budget (FERRY_PLAN_TIMEOUT seconds, default 30)' },
  READ_ONLY: { exit: 2, summary: 'a write to a database marked readOnly' },
  OUTPUT_FAILED: { exit: 2, summary: 'the output file cannot be written' },
  MAPPING_INVALID: { exit: 2, summary: 'a mapping file does not parse or does not match the mapping format' },
  COPY_VALUE_REJECTED: { exit: 2, summary: 'a copied value does not fit its target column; the chunk was rolled back' },
  COPY_KEY_EXISTS: { exit: 2, summary: 'an append met keys the target already holds; the chunk was rolled back (use --mode replace or upsert)' },
  COPY_CONFLICT: { exit: 2, summary: 'another copy into the same target table is running; nothing was written' },
  COPY_STATE: { exit: 2, summary: 'the copy state file cannot be read or written' },
  MIGRATE_TARGET_NOT_EMPTY: { exit: 2, summary: 'a migration target table already holds rows; nothing was written (use --resume to continue an interrupted migration)' },
  MIGRATE_STRUCTURE: { exit: 2, summary: 'the target refused a type or table a migration creates; nothing was loaded' },
  BACKUP_NOT_FOUND: { exit: 2, summary: 'the folder holds no finished Ferry backup (no manifest.json)' },
  BACKUP_FORMAT: { exit: 2, summary: 'the backup was written in a format version this Ferry does not read' },
  BACKUP_KEY: { exit: 2, summary: 'the backup is encrypted and no key, or the wrong key, was given; nothing was written' },
  BACKUP_CORRUPT: { exit: 2, summary: 'a backup file is missing, truncated or altered; nothing was written' },
  BACKUP_OUTPUT: { exit: 2, summary: 'the backup folder cannot be written or already holds files' },
  SYNC_SETUP: { exit: 2, summary: 'the source cannot stream its changes (log settings, rights, or a table without a key); the message gives the commands that fix it' },
  SYNC_SCHEMA_CHANGED: { exit: 2, summary: 'a synced table changed its columns on the source; the sync stopped before applying the change, its position kept' },
  SYNC_NOT_FOUND: { exit: 2, summary: 'no sync from that source to that target has run (nothing to report or drop)' },
  SYNC_STALLED: { exit: 3, summary: 'the change stream delivered nothing for longer than its watchdog allows while the source moved on (FERRY_SYNC_STALL seconds, default 120)' },
  CANCELLED: { exit: 2, summary: 'the operation was cancelled; committed chunks stay' },
  CONNECTION_FAILED: { exit: 3, summary: 'a database cannot be reached or refused the login' },
  JAVA_MISSING: { exit: 3, summary: 'no Java 17+ runtime was found' },
  JARS_MISSING: { exit: 3, summary: 'the runtime jars have not been built' },
  JVM_ERROR: { exit: 3, summary: 'the JVM failed in an unexpected way' },
  CLOSED: { exit: 3, summary: 'the Ferry instance was used after close()' },
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether a string is one of Ferry's error codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
