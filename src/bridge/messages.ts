import type { z } from 'zod';
import { FerryError } from '../errors/index.js';

/**
 * Encodes a request for the JVM as UTF-8 JSON. The Java side reads it strictly (unknown or
 * missing fields, values out of range) and fills in its defaults, so the messages a user sees
 * come from one place.
 *
 * @example
 * await java.inspect(encode({ database: 'shop' }))
 */
export function encode(request: object): Buffer {
  return Buffer.from(JSON.stringify(request), 'utf8');
}

/**
 * Decodes a JVM reply and checks it against its schema from the generated contract
 * (`contract.gen.ts`): a reply that does not match is a JVM_ERROR naming the field, never a
 * value of the wrong shape further on.
 *
 * @example
 * const plan = decode(CopyPlan, await java.plan(), 'a copy plan');
 */
export function decode<S extends z.ZodType>(schema: S, bytes: Uint8Array, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new FerryError('JVM_ERROR', `the JVM's ${what} is not JSON: ${(e as Error).message}`, {}, { cause: e });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top)';
    throw new FerryError('JVM_ERROR', `the JVM's ${what} does not match the contract in src/bridge/contract.gen.ts at ${where}: ${issue?.message ?? 'invalid'}; rebuild both sides with \`npm run build\``, { field: where });
  }
  return parsed.data;
}
