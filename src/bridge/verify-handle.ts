import { VerifyReport, type VerifyRequest } from './contract.gen.js';
import type { EngineHandle } from './engine-handle.js';
import { toFerryError } from './java-error.js';
import { decode, encode } from './messages.js';

/**
 * Verifies one table through the JVM's `Engine.verify`: counts and chunk checksums on both
 * sides, then the keys of any differing chunk. Rows never reach Node.
 *
 * @example
 * const report = await verifyTable(engine, { from: 'pg', to: 'maria', table: 'orders' });
 * report.match // true for an exact copy
 */
export async function verifyTable(engine: EngineHandle, request: VerifyRequest): Promise<VerifyReport> {
  const target = request.targetTable ?? request.table;
  let bytes: Buffer;
  try {
    bytes = await engine.verifyRaw(encode(request));
  } catch (e) {
    throw toFerryError(e, `verifying ${request.from}.${request.table} against ${request.to}.${target}`);
  }
  return decode(VerifyReport, bytes, 'verify report');
}
