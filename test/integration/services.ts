import { Socket } from 'node:net';
import { privateServerMissing } from '../../scripts/lib/private-servers.js';

/** The databases integration tests run against, as this machine and CI provide them. */
export const SERVICES = {
  postgres: { host: '127.0.0.1', port: 5432, url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres' },
  mariadb: { host: '127.0.0.1', port: 3306, url: 'jdbc:mariadb://127.0.0.1:3306/test', user: 'root' },
} as const;

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(2000, () => done(false));
    s.once('error', () => done(false));
    s.connect(port, host, () => done(true));
  });
}

/**
 * Whether a service can be used. With CI=true an unreachable service fails the run; elsewhere
 * its suites are skipped and the reason is printed.
 */
export async function serviceAvailable(name: keyof typeof SERVICES): Promise<boolean> {
  const s = SERVICES[name];
  if (await reachable(s.host, s.port)) return true;
  const why = `${name} is not reachable at ${s.host}:${s.port}`;
  if (process.env.CI === 'true') throw new Error(`${why}; CI=true requires it (start it: see README "Tests")`);
  console.warn(`skipping ${name} integration tests: ${why}`);
  return false;
}

/**
 * Whether a private server of `kind` (scripts/lib/private-servers.js: a PostgreSQL cluster with
 * wal_level=logical, a MariaDB with a ROW binlog) can be started here. With CI=true missing tools
 * fail the run; elsewhere the suites that need one are skipped and the reason is printed.
 */
export function privateServerAvailable(kind: 'postgres' | 'mariadb'): boolean {
  const missing = privateServerMissing(kind);
  if (missing === undefined) return true;
  const why = `a private ${kind} server cannot be started: ${missing}`;
  if (process.env.CI === 'true') throw new Error(`${why}; CI=true requires it`);
  console.warn(`skipping the private ${kind} integration tests: ${why}`);
  return false;
}
