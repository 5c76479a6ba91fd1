// One benchmark at a time per machine: two runs skew each other's timings, and an H2 file
// database admits one process at a time, so the second run would fail with a confusing lock error.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Runs `fn` holding a lock file named after the benchmark; throws at once, naming the other
 * process, when a live one holds it. A lock left by a dead process is taken over.
 *
 * @example
 * await exclusive('query', () => measureEverything());
 */
export async function exclusive(name, fn) {
  const dir = join(tmpdir(), 'ferry-bench');
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, `${name}.lock`);
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    const holder = Number(readFileSync(lock, 'utf8'));
    if (holder && alive(holder)) {
      throw new Error(`another \`bench ${name}\` is running (pid ${holder}); concurrent runs skew each other's timings. Wait for it, or remove ${lock} if that pid is not a benchmark`);
    }
    writeFileSync(lock, String(process.pid));
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
