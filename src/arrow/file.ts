import { tableToIPC, type Table } from 'apache-arrow';

/**
 * Serializes a table as an Arrow IPC file (the random-access format pyarrow's `ipc.open_file`
 * and apache-arrow's `tableFromIPC` read).
 *
 * @example
 * writeFileSync('out.arrow', writeArrowFile(table));
 */
export function writeArrowFile(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}
