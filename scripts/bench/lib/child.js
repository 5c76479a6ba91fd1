// Runs one measurement in a fresh Node process. Figures such as "time to first result" and
// "peak RSS" only mean something for a process that did nothing else before, and the JVM that
// java-bridge embeds cannot be stopped or restarted inside a process.
import { spawn } from 'node:child_process';

/**
 * Spawns `node <script> ...args`, passes its stderr through, and returns the last stdout line
 * that parses as JSON. Throws when the child fails or prints no JSON.
 *
 * @example
 * const figures = await runChild(fileURLToPath(import.meta.url), ['--child', 'pg']);
 */
export function runChild(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s) => (out += s));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const what = `node ${script} ${args.join(' ')}`;
      if (code !== 0) {
        reject(new Error(`${what} failed (${signal ?? `exit ${code}`}); its stderr is above`));
        return;
      }
      const json = out.trim().split('\n').reverse().map(tryParse).find((v) => v !== undefined);
      if (json === undefined) reject(new Error(`${what} printed no JSON result; stdout was:\n${out}`));
      else resolve(json);
    });
  });
}

function tryParse(line) {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
