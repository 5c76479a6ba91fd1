import { tableFromIPC, type Table } from 'apache-arrow';

/**
 * Reads Arrow IPC stream chunks (as the JVM sends them) into one Table.
 *
 * @example
 * const table = await readIpcChunks(engine.query('SELECT 1'));
 */
export async function readIpcChunks(chunks: AsyncIterable<Uint8Array>): Promise<Table> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    parts.push(c);
    size += c.byteLength;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return tableFromIPC(all);
}
