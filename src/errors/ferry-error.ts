import { ERROR_CODES, type ErrorCode } from './codes.js';
import { scrubDeep, scrubSecrets } from './secrets.js';

/** Structured details of an error: what, where, and how to fix it. */
export type ErrorMeta = Readonly<Record<string, unknown>>;

/**
 * The one error type Ferry throws: a stable code, a human message and details.
 *
 * @example
 * throw new FerryError('CONFIG_INVALID', 'databases.shop.url: expected a jdbc: URL', { key: 'databases.shop.url' });
 */
export class FerryError extends Error {
  /** Stable code, listed in the README. */
  readonly code: ErrorCode;
  /** Details such as the database, SQL state, line and column. */
  readonly meta: ErrorMeta;

  constructor(code: ErrorCode, message: string, meta: ErrorMeta = {}, options?: { cause?: unknown }) {
    // No message or detail ever repeats a configured secret, even one a driver quoted.
    super(scrubSecrets(message), options);
    this.name = 'FerryError';
    this.code = code;
    this.meta = scrubDeep(meta);
  }

  /** The process exit code this error maps to. */
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  /** A JSON-friendly form: `{code, message, meta}`. */
  toJSON(): { code: ErrorCode; message: string; meta: ErrorMeta } {
    return { code: this.code, message: this.message, meta: this.meta };
  }
}

/** Whether a value is a FerryError. */
export function isFerryError(e: unknown): e is FerryError {
  return e instanceof FerryError;
}
