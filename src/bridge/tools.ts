import type { SchemaSnapshot } from '../schema/model.js';
import { toFerryError } from './java-error.js';
import { startJvm } from './jvm.js';

/** What the running JVM reports about itself. */
export interface JvmRuntime {
  readonly version: string;
  readonly vendor: string;
  readonly home: string;
  readonly timeZone: string;
  readonly drivers: readonly { readonly class: string; readonly version: string }[];
}

/** A native SQL script for one database, run outside Calcite in one transaction. */
export interface NativeScript {
  readonly url: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly statements: readonly string[];
}

/** One statement to validate; `line`/`column` say where it starts in its file. */
export interface StatementToValidate {
  readonly sql: string;
  readonly line: number;
  readonly column: number;
}

/** Calcite's verdict on one statement; `line`/`column` are relative to the statement (1-based). */
export interface StatementValidation {
  readonly valid: boolean;
  readonly message: string | null;
  readonly line: number | null;
  readonly column: number | null;
  /** Each name or alias the statement uses → its table (absent when it does not parse). */
  readonly tables?: Readonly<Record<string, string>>;
}

interface JavaTools {
  runtime(): Promise<Buffer>;
  runScript(json: Buffer): Promise<bigint | number>;
  validate(json: Buffer): Promise<Buffer>;
}

async function tools(driversDir?: string): Promise<JavaTools> {
  const java = startJvm(driversDir);
  return (await java.importClassAsync('dev.ferry.wire.Tools')) as JavaTools;
}

/**
 * Describes the JVM: Java version, vendor and the JDBC drivers on its classpath.
 *
 * @example
 * (await jvmRuntime()).version // '17.0.15'
 */
export async function jvmRuntime(driversDir?: string): Promise<JvmRuntime> {
  try {
    return JSON.parse((await (await tools(driversDir)).runtime()).toString('utf8')) as JvmRuntime;
  } catch (e) {
    throw toFerryError(e, 'describing the JVM');
  }
}

/**
 * Runs native SQL statements on one database in a single transaction and closes the connection.
 * Returns the number of rows changed.
 *
 * @example
 * await runNativeScript({ url: 'jdbc:h2:/tmp/w', statements: ['CREATE TABLE t (id INT)'] });
 */
export async function runNativeScript(script: NativeScript, driversDir?: string): Promise<number> {
  try {
    const n = await (await tools(driversDir)).runScript(Buffer.from(JSON.stringify(script), 'utf8'));
    return Number(n);
  } catch (e) {
    throw toFerryError(e, 'running a native script');
  }
}

/**
 * Parses and validates statements against a snapshot's tables and views, without running them or
 * connecting to anything: a live database (inspected first) and a saved snapshot are checked the
 * same way. Unqualified names resolve; so do `schema.table` and `database.table`. Returns one
 * verdict per statement, in order; positions are relative to each statement.
 *
 * @example
 * const [v] = await validateStatements(snapshot, [{ sql: 'SELECT id FROM orders', line: 1, column: 1 }]);
 * v.valid // true
 */
export async function validateStatements(snapshot: SchemaSnapshot, statements: readonly StatementToValidate[], driversDir?: string): Promise<StatementValidation[]> {
  try {
    const request = Buffer.from(JSON.stringify({ snapshot, statements }), 'utf8');
    return JSON.parse((await (await tools(driversDir)).validate(request)).toString('utf8')) as StatementValidation[];
  } catch (e) {
    throw toFerryError(e, 'validating statements');
  }
}
