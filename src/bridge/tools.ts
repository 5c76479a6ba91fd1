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

interface JavaTools {
  runtime(): Promise<Buffer>;
  runScript(json: Buffer): Promise<bigint | number>;
}

async function tools(driversDir?: string): Promise<JavaTools> {
  const java = startJvm(driversDir);
  return (await java.importClassAsync('dev.ferry.Tools')) as JavaTools;
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
