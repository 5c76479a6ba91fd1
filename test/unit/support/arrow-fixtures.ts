// In-memory Arrow fixtures shaped like what the JVM helper (ArrowChunks.java) sends: one field per
// column with a `ferry.sqlType` metadata entry. No JVM, no IPC socket.
import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  Float64,
  Int32,
  Int64,
  Null,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeMicrosecond,
  TimestampMicrosecond,
  Utf8,
  makeData,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import { batchColumns, tableTextRows } from '../../../src/arrow/columns.js';

/** One column of a fixture batch. */
export interface FixtureColumn {
  readonly name: string;
  readonly sqlType?: string;
  readonly data: Data;
}

/** A validity bitmap (1 = valid) for values where null marks SQL NULL. */
export function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.max(1, Math.ceil(values.length / 8)));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

/** BIGINT column data. */
export function int64(values: readonly (bigint | null)[]): Data {
  return makeData({ type: new Int64(), length: values.length, data: BigInt64Array.from(values, (v) => v ?? 0n), ...validity(values) });
}

/** INTEGER column data. */
export function int32(values: readonly (number | null)[]): Data {
  return makeData({ type: new Int32(), length: values.length, data: Int32Array.from(values, (v) => v ?? 0), ...validity(values) });
}

/** DOUBLE column data. */
export function float64(values: readonly (number | null)[]): Data {
  return makeData({ type: new Float64(), length: values.length, data: Float64Array.from(values, (v) => v ?? 0), ...validity(values) });
}

/**
 * DECIMAL(precision, scale) column data from unscaled integers (10.50 at scale 2 is 1050n),
 * stored as 128-bit little-endian two's complement: four 32-bit words per value, low word first.
 */
export function decimal128(values: readonly (bigint | null)[], precision: number, scale: number): Data {
  const words = new Uint32Array(values.length * 4);
  values.forEach((v, i) => {
    let u = BigInt.asUintN(128, v ?? 0n);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(u & 0xffff_ffffn);
      u >>= 32n;
    }
  });
  return makeData({ type: new Decimal(scale, precision, 128), length: values.length, data: words, ...validity(values) });
}

/** TIMESTAMP column data in microseconds since the epoch, no time zone. */
export function timestampMicros(values: readonly (bigint | null)[]): Data {
  return makeData({ type: new TimestampMicrosecond(), length: values.length, data: BigInt64Array.from(values, (v) => v ?? 0n), ...validity(values) });
}

/** DATE column data in days since 1970-01-01. */
export function dateDays(values: readonly (number | null)[]): Data {
  return makeData({ type: new DateDay(), length: values.length, data: Int32Array.from(values, (v) => v ?? 0), ...validity(values) });
}

/** TIME column data in microseconds since midnight (Time64). */
export function timeMicros(values: readonly (bigint | null)[]): Data {
  return makeData({ type: new TimeMicrosecond(), length: values.length, data: BigInt64Array.from(values, (v) => v ?? 0n), ...validity(values) });
}

/** BOOLEAN column data. */
export function bools(values: readonly (boolean | null)[]): Data {
  return vectorFromArray(values, new Bool()).data[0]!;
}

/** VARCHAR column data. */
export function utf8(values: readonly (string | null)[]): Data {
  return vectorFromArray(values, new Utf8()).data[0]!;
}

/** VARBINARY column data. */
export function binary(values: readonly (Uint8Array | null)[]): Data {
  const offsets = new Int32Array(values.length + 1);
  let size = 0;
  values.forEach((v, i) => {
    size += v?.length ?? 0;
    offsets[i + 1] = size;
  });
  const bytes = new Uint8Array(size);
  values.forEach((v, i) => v && bytes.set(v, offsets[i]!));
  return makeData({ type: new Binary(), length: values.length, valueOffsets: offsets, data: bytes, ...validity(values) });
}

/** A NULL-typed column (e.g. `SELECT NULL`): no buffers at all. */
export function nulls(length: number): Data {
  return makeData({ type: new Null(), length });
}

/** One record batch whose fields carry `ferry.sqlType` metadata like the JVM's. */
export function batchOf(columns: readonly FixtureColumn[]): RecordBatch {
  const fields = columns.map(
    (c) => new Field(c.name, c.data.type as DataType, true, c.sqlType === undefined ? null : new Map([['ferry.sqlType', c.sqlType]])),
  );
  const length = columns[0]?.data.length ?? 0;
  const schema = new Schema(fields);
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children: columns.map((c) => c.data) });
  return new RecordBatch(schema, data);
}

/** A table of one or more batches with the same schema. */
export function tableOf(...batches: RecordBatch[]): Table {
  return new Table(batches[0]!.schema, batches);
}

/** A one-batch table from columns. */
export function tableFrom(columns: readonly FixtureColumn[]): Table {
  return tableOf(batchOf(columns));
}

/** The table after an Arrow IPC stream round trip, i.e. as the bridge would hand it over. */
export function viaIpc(table: Table): Table {
  return tableFromIPC(tableToIPC(table, 'stream'));
}

/** Every row of a single column as text, read through batchColumns. */
export function columnTexts(column: FixtureColumn): (string | null)[] {
  const batch = batchOf([column]);
  const view = batchColumns(batch)[0]!;
  return Array.from({ length: batch.numRows }, (_, r) => view.text(r));
}

/** The same, after an Arrow IPC stream round trip (how the bridge delivers results). */
export function columnTextsViaIpc(column: FixtureColumn): (string | null)[] {
  return [...tableTextRows(viaIpc(tableFrom([column])))].map((row) => row[0]!);
}
