// What a figure was measured on: without the machine and the versions a rows/s number cannot be
// compared with the next run's.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { JARS_DIR } from '../../../dist/bridge/index.js';

const ROOT = new URL('../../../', import.meta.url);

function packageVersion(path) {
  return JSON.parse(readFileSync(new URL(path, ROOT), 'utf8')).version;
}

/**
 * The version in a jar's file name (`calcite-core-1.42.0.jar` → `1.42.0`), the build's pin.
 *
 * @example
 * jarVersion('mariadb-java-client') // '3.5.11'
 */
export function jarVersion(artifact) {
  const re = new RegExp(`^${artifact}-(\\d[^-]*(?:-[^.]+)?)\\.jar$`);
  const hit = readdirSync(JARS_DIR).map((f) => re.exec(f)).find(Boolean);
  return hit ? hit[1] : 'not on the classpath';
}

function command(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    return `unavailable (${String(e.message).split('\n')[0]})`;
  }
}

/**
 * What a tool says of its version (stdout and stderr: `java -version` writes to stderr), by
 * default its first line; `unavailable (…)` when it cannot run.
 *
 * @example
 * toolVersion('pg_dump', ['--version']) // 'pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)'
 */
export function toolVersion(cmd, args, pick = (s) => s.split('\n')[0].trim()) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.error ? `unavailable (${r.error.message})` : pick(`${r.stdout}${r.stderr}`);
}

/** Every line of a tool's version text, joined: for tools that spread it over several lines. */
export const allLines = (s) => s.trim().split('\n').join(', ');

/**
 * Describes the machine and every version that shapes the figures, as `[label, value]` pairs.
 * `java` is what a child's JVM reported (the parent starts none); `loadAtStart` is `os.loadavg()`
 * taken before anything ran; `psql` holds psql's connection arguments.
 *
 * @example
 * describeEnvironment({ java: { version: '17.0.15', vendor: 'Debian' }, loadAtStart: loadavg(), psql: ['-h', '127.0.0.1'] })
 */
export function describeEnvironment({ java, loadAtStart, psql }) {
  const cpu = cpus();
  return [
    ['machine', `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}-${process.arch} ${release()}`],
    // Other work on the machine skews every figure; a load near the CPU count means rerun.
    ['load at start', `${loadAtStart.map((l) => l.toFixed(2)).join(' ')} (1/5/15-min averages, before the benchmark ran)`],
    ['node', process.version],
    ['java', java ? `${java.version} (${java.vendor})` : 'unknown'],
    ['calcite-ferry', packageVersion('package.json')],
    ['calcite-core', jarVersion('calcite-core')],
    ['arrow java / js', `${jarVersion('arrow-vector')} / ${packageVersion('node_modules/apache-arrow/package.json')}`],
    ['java-bridge', packageVersion('node_modules/java-bridge/package.json')],
    ['pgjdbc / h2', `${jarVersion('postgresql')} / ${jarVersion('h2')}`],
    ['postgresql', command('psql', [...psql, '-XAtc', 'SHOW server_version'])],
    ['psql', command('psql', ['--version'])],
  ];
}
