export { readIpcChunks } from './ipc.js';
export { batchColumns, tableTextRows, kindOf, sqlTypeOf, decimalText, type ColumnView, type ColumnKind } from './columns.js';
export { writeArrowFile } from './file.js';
export { isoDate, isoTime, isoTimestamp, timestampText, timeText, type TimeUnitCode } from './temporal-text.js';
export { tableRows, type ExactRow, type ExactValue } from './rows.js';
