import { RuntimeInfo, StatementVerdict, type ScriptRequest, type ValidateRequestStatement } from './contract.gen.js';
import { toFerryError } from './java-error.js';
import { startJvm } from './jvm.js';
import { decode, encode } from './messages.js';

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
 * Describes the JVM: Java version, vendor, the JDBC drivers on its classpath and Ferry's
 * dialects.
 *
 * @example
 * (await jvmRuntime()).version // '17.0.15'
 */
export async function jvmRuntime(driversDir?: string): Promise<RuntimeInfo> {
  let bytes: Buffer;
  try {
    bytes = await (await tools(driversDir)).runtime();
  } catch (e) {
    throw toFerryError(e, 'describing the JVM');
  }
  return decode(RuntimeInfo, bytes, 'runtime description');
}

/**
 * Runs native SQL statements on one database in a single transaction and closes the connection.
 * Returns the number of rows changed.
 *
 * @example
 * await runNativeScript({ url: 'jdbc:h2:/tmp/w', statements: ['CREATE TABLE t (id INT)'] });
 */
export async function runNativeScript(script: ScriptRequest, driversDir?: string): Promise<number> {
  try {
    return Number(await (await tools(driversDir)).runScript(encode(script)));
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
export async function validateStatements(snapshot: unknown, statements: readonly ValidateRequestStatement[], driversDir?: string): Promise<StatementVerdict[]> {
  let bytes: Buffer;
  try {
    bytes = await (await tools(driversDir)).validate(encode({ snapshot, statements }));
  } catch (e) {
    throw toFerryError(e, 'validating statements');
  }
  return decode(StatementVerdict.array(), bytes, 'statement verdicts');
}
