import { FerryError, isErrorCode, isFerryError } from '../errors/index.js';

const BEGIN = '<<ferry:';
const END = ':ferry>>';

/**
 * Turns whatever a java-bridge call threw into a FerryError: the JSON envelope written by the
 * Java helper's FerryFailure when present, otherwise a JVM_ERROR keeping the Java message.
 *
 * @example
 * try { await engine.query(sql) } catch (e) { throw toFerryError(e, 'running the query') }
 */
export function toFerryError(e: unknown, doing: string): FerryError {
  if (isFerryError(e)) return e;
  const text = e instanceof Error ? e.message : String(e);
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start + BEGIN.length);
  if (start >= 0 && end > start) {
    try {
      const env = JSON.parse(text.slice(start + BEGIN.length, end)) as { code: string; message: string; meta?: Record<string, unknown> };
      const code = isErrorCode(env.code) ? env.code : 'JVM_ERROR';
      return new FerryError(code, env.message, env.meta ?? {}, { cause: e });
    } catch {
      // Fall through: a damaged envelope is reported as the raw Java message.
    }
  }
  const firstLine = text.split('\n')[0] ?? text;
  return new FerryError('JVM_ERROR', `${doing}: ${firstLine}`, {}, { cause: e });
}
