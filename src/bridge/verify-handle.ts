import { verifyRequestJson, type VerifyReport, type VerifyRequest } from '../verify/verify-report.js';
import type { EngineHandle } from './engine-handle.js';
import { toFerryError } from './java-error.js';

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
  try {
    const answer = await engine.verifyRaw(Buffer.from(verifyRequestJson(request), 'utf8'));
    return JSON.parse(answer.toString('utf8')) as VerifyReport;
  } catch (e) {
    throw toFerryError(e, `verifying ${request.from}.${request.table} against ${request.to}.${target}`);
  }
}
