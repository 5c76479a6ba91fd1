import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install -y chromium`), which the HTML report tests drive. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether Chromium can be used. With CI=true a missing Chromium fails the run; elsewhere the
 * browser tests are skipped and the reason is printed.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const why = `${CHROMIUM} is not installed`;
  if (process.env.CI === 'true') throw new Error(`${why}; CI=true requires it (apt-get install -y chromium: see README "Tests")`);
  console.warn(`skipping the HTML report browser tests: ${why} (apt-get install -y chromium)`);
  return false;
}
