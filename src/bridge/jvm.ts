import { createRequire } from 'node:module';
import { FerryError } from '../errors/index.js';
import { buildClasspath, type Classpath } from './classpath.js';

const require = createRequire(import.meta.url);

/** The subset of java-bridge Ferry uses; loaded lazily so unit tests never start a JVM. */
export interface JavaBridge {
  ensureJvm(options: { classpath?: string[]; opts?: string[] }): boolean;
  importClass(name: string): unknown;
  importClassAsync(name: string): Promise<unknown>;
}

/** JVM options Ferry always sets, and why. */
export const JVM_OPTIONS: readonly string[] = [
  // Timestamps and dates cross engines without a zone shift only if the JVM has no zone.
  '-Duser.timezone=UTC',
  // Arrow Java reads direct buffers' addresses.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  // Calcite's default ISO-8859-1 rejects literals such as 'é' and '😀'.
  '-Dcalcite.default.charset=UTF-8',
  '-Dcalcite.default.nationalcharset=UTF-8',
  '-Dcalcite.default.collation.name=UTF-8$en_US',
  '-Dhsqldb.reconfig_logging=false',
  '-Dderby.stream.error.field=java.lang.System.err',
];

let started: { classpath: Classpath; driversDir: string | undefined } | undefined;
let bridge: JavaBridge | undefined;

/** Whether this process already runs a JVM. */
export function jvmStarted(): boolean {
  return started !== undefined;
}

/**
 * Starts the one JVM this process may have, with every driver on its startup classpath.
 * Later calls return the running bridge; asking for a different drivers folder then is an error
 * because a JVM's startup classpath cannot change.
 *
 * @example
 * const java = startJvm('/srv/ferry/drivers');
 */
export function startJvm(driversDir?: string): JavaBridge {
  if (started && bridge) {
    if (driversDir !== undefined && driversDir !== started.driversDir) {
      throw new FerryError('USAGE', `the JVM is already running with drivers from ${started.driversDir ?? 'no folder'}; a second drivers folder (${driversDir}) cannot be added to a running JVM. Use one drivers: folder per process`, { driversDir });
    }
    return bridge;
  }
  const classpath = buildClasspath(driversDir);
  // Async calls run on java-bridge's own pool; enough threads that one slow query does not
  // hold up the others (the default is the number of CPUs, 2 here).
  process.env.JAVA_BRIDGE_THREAD_POOL_SIZE ??= '16';
  let jb: JavaBridge;
  try {
    jb = require('java-bridge') as JavaBridge;
  } catch (e) {
    throw new FerryError('JVM_ERROR', `cannot load java-bridge: ${(e as Error).message.split('\n')[0]} (reinstall with \`npm install\`)`, {}, { cause: e });
  }
  const extra = (process.env.FERRY_JVM_OPTS ?? '').split(/\s+/).filter(Boolean);
  try {
    jb.ensureJvm({ classpath: [...classpath.jars], opts: [...JVM_OPTIONS, ...extra] });
  } catch (e) {
    throw new FerryError('JAVA_MISSING', `cannot start Java: ${(e as Error).message.split('\n')[0]}. Install a JDK 17+ (Debian/Ubuntu: \`apt-get install openjdk-17-jdk-headless\`) or set JAVA_HOME to one`, {}, { cause: e });
  }
  bridge = jb;
  started = { classpath, driversDir };
  return jb;
}

/** The classpath the running JVM started with, or undefined before start. */
export function runningClasspath(): Classpath | undefined {
  return started?.classpath;
}
