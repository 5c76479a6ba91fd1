import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FerryError } from '../errors/index.js';

/** The package's generated runtime classpath folder (`jars/`, filled by `npm run build:java`). */
export const JARS_DIR = fileURLToPath(new URL('../../jars/', import.meta.url));

/** The jar built from `java/`; its absence means the build step has not run. */
export const HELPER_JAR = 'ferry-helper.jar';

/** What the JVM starts with: Ferry's jars and any extra driver jars. */
export interface Classpath {
  /** Every jar, Ferry's first. */
  readonly jars: readonly string[];
  /** The extra driver jars from the config's `drivers:` folder. */
  readonly extraDrivers: readonly string[];
}

/**
 * Lists the startup classpath; throws JARS_MISSING (with the command that fixes it) when the
 * build step has not run, or CONFIG_INVALID when the drivers folder does not exist.
 *
 * @example
 * buildClasspath('/srv/ferry/drivers').jars.length
 */
export function buildClasspath(driversDir?: string): Classpath {
  if (!existsSync(join(JARS_DIR, HELPER_JAR))) {
    throw new FerryError('JARS_MISSING', `Ferry's Java runtime is not built: ${join(JARS_DIR, HELPER_JAR)} is missing. Run \`npm run build:java\` in ${resolve(JARS_DIR, '..')} (needs JDK 17+ and Maven)`, { jarsDir: JARS_DIR });
  }
  const jars = listJars(JARS_DIR);
  let extraDrivers: string[] = [];
  if (driversDir) {
    if (!existsSync(driversDir)) {
      throw new FerryError('CONFIG_INVALID', `drivers: folder ${driversDir} does not exist (create it and put driver jars in it, or remove drivers: from the config)`, { key: 'drivers' });
    }
    extraDrivers = listJars(driversDir);
  }
  return { jars: [...jars, ...extraDrivers], extraDrivers };
}

function listJars(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jar'))
    .sort()
    .map((f) => join(dir, f));
}
