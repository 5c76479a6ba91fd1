import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FerryError } from '../errors/index.js';
import { buildClasspath, JARS_DIR, type Classpath } from './classpath.js';

const require = createRequire(import.meta.url);

/** The subset of java-bridge Ferry uses; loaded lazily so unit tests never start a JVM. */
export interface JavaBridge {
  ensureJvm(options: { classpath?: string[]; opts?: string[] }): boolean;
  importClass(name: string): unknown;
  importClassAsync(name: string): Promise<unknown>;
}

interface JvmOptionsFile {
  readonly options: readonly string[];
  readonly archive: string;
}

/** `java/jvm-options.json`: the options Ferry always sets (with why), shared with the build. */
const OPTIONS_FILE = fileURLToPath(new URL('../../java/jvm-options.json', import.meta.url));
const OPTIONS = JSON.parse(readFileSync(OPTIONS_FILE, 'utf8')) as JvmOptionsFile;

/** JVM options Ferry always sets; see `java/jvm-options.json` for why each is there. */
export const JVM_OPTIONS: readonly string[] = OPTIONS.options;

/**
 * The class-data-sharing archive the build recorded, when present: classes come mapped from it
 * instead of being loaded one by one, about halving the time to a first result.
 */
function archiveOptions(): string[] {
  const archive = join(JARS_DIR, OPTIONS.archive);
  return existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`, '-Xshare:auto'] : [];
}

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
    jb.ensureJvm({ classpath: [...classpath.jars], opts: [...JVM_OPTIONS, ...archiveOptions(), ...extra] });
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
