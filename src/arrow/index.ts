export { readIpcChunks } from './ipc.js';
export { batchColumns, tableTextRows, kindOf, sqlTypeOf, decimalText, isoDate, isoTime, isoTimestamp, type ColumnView, type ColumnKind } from './columns.js';
export { writeArrowFile } from './file.js';
