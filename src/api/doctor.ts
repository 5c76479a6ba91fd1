import { jvmRuntime, buildClasspath, JARS_DIR } from '../bridge/index.js';
import { resolve } from 'node:path';
import { isFerryError, FerryError, type ErrorCode } from '../errors/index.js';
import type { LoadedConfig } from '../config/index.js';
import { Ferry } from './ferry.js';

/** One line of the doctor's report: a check, whether it passed, and what it found. */
export interface DoctorCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly code?: ErrorCode;
}

/** Everything `ferry doctor` checked. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly checks: readonly DoctorCheck[];
  readonly drivers: readonly { readonly class: string; readonly version: string }[];
}

function failed(name: string, e: unknown): DoctorCheck {
  const err = isFerryError(e) ? e : new FerryError('JVM_ERROR', String((e as Error)?.message ?? e));
  return { name, ok: false, detail: err.message, code: err.code };
}

/**
 * Checks the runtime (Java, jars, drivers) and, given a config, connects to every database.
 * Never throws for a failed check; the report says what failed and why.
 *
 * @example
 * const report = await doctor(loadConfigFile('ferry.yaml'));
 */
export async function doctor(loaded?: LoadedConfig): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [{ name: 'node', ok: true, detail: process.version }];
  const drivers = loaded?.config.drivers ? resolve(loaded.baseDir, loaded.config.drivers) : undefined;
  try {
    const cp = buildClasspath(drivers);
    checks.push({ name: 'jars', ok: true, detail: `${cp.jars.length - cp.extraDrivers.length} jars in ${JARS_DIR}${drivers ? `; ${cp.extraDrivers.length} extra driver jars in ${drivers}` : ''}` });
  } catch (e) {
    checks.push(failed('jars', e));
    return { ok: false, checks, drivers: [] };
  }
  let driverList: { class: string; version: string }[] = [];
  try {
    const rt = await jvmRuntime(drivers);
    const major = Number(rt.version.split('.')[0]);
    checks.push({ name: 'java', ok: major >= 17, detail: `${rt.version} (${rt.vendor}) at ${rt.home}${major >= 17 ? '' : ' — Ferry needs Java 17 or newer'}`, ...(major >= 17 ? {} : { code: 'JAVA_MISSING' as const }) });
    driverList = [...rt.drivers];
    checks.push({ name: 'drivers', ok: driverList.length > 0, detail: driverList.map((d) => d.class).join(', ') });
    checks.push({ name: 'dialects', ok: rt.dialects.length > 0, detail: rt.dialects.join(', ') });
  } catch (e) {
    checks.push(failed('java', e));
    return { ok: false, checks, drivers: [] };
  }
  if (loaded) {
    const ferry = await Ferry.open(loaded);
    try {
      for (const name of ferry.configured) {
        try {
          const p = await ferry.ping(name);
          // A pinned schema that does not exist fails only when the database is used: list its tables.
          if (loaded.config.databases[name]?.schema) await ferry.tableNames(name);
          const c = p.capabilities;
          checks.push({ name: `database ${name}`, ok: true, detail: `${p.product} ${p.productVersion} via ${p.driver} (${p.millis} ms); dialect ${p.dialect}: bulk load by ${c.bulkLoad}, ${c.concurrentWriters ? 'chunks side by side' : 'one writer at a time'}${c.transactionalDdl ? ', transactional DDL' : ''}` });
        } catch (e) {
          checks.push(failed(`database ${name}`, e));
        }
      }
    } finally {
      await ferry.close();
    }
  }
  return { ok: checks.every((c) => c.ok), checks, drivers: driverList };
}
