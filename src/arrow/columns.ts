import { DataType, makeVector, type Data, type RecordBatch, type Table, type Field } from 'apache-arrow';
import { floorDiv, isoDate, timeText, timestampText, type TimeUnitCode } from './temporal-text.js';

/** How a column's values are rendered: decides quoting in JSON and alignment in tables. */
export type ColumnKind = 'bigint' | 'decimal' | 'number' | 'boolean' | 'text' | 'binary' | 'date' | 'time' | 'timestamp' | 'null' | 'other';

/** One column of one record batch, read as exact text. */
export interface ColumnView {
  /** The column label. */
  readonly name: string;
  /** The rendering family. */
  readonly kind: ColumnKind;
  /** The SQL type Calcite reported (from field metadata), e.g. `DECIMAL(12, 2)`. */
  readonly sqlType: string;
  /** The value at `row` as exact text (no precision lost), or null for SQL NULL. */
  text(row: number): string | null;
}

/** The SQL type name of a field as the JVM recorded it. */
export function sqlTypeOf(field: Field): string {
  return field.metadata.get('ferry.sqlType') ?? String(field.type);
}

/**
 * Views every column of a record batch as exact text: BIGINT as digits, DECIMAL with its scale,
 * timestamps to the microsecond, dates before year 1 as ISO 8601 astronomical years (44 BC is
 * `-0043`), binary as hex.
 *
 * @example
 * for (const batch of table.batches) { const cols = batchColumns(batch); cols[0].text(0) }
 */
export function batchColumns(batch: RecordBatch): ColumnView[] {
  return batch.schema.fields.map((field, i) => {
    const child = batch.getChildAt(i);
    const data = child!.data[0] as Data;
    return columnView(field, data);
  });
}

/** The rendering kind of a field. */
export function kindOf(field: Field): ColumnKind {
  const t = field.type;
  if (DataType.isInt(t)) return t.bitWidth === 64 ? 'bigint' : 'number';
  if (DataType.isDecimal(t)) return 'decimal';
  if (DataType.isFloat(t)) return 'number';
  if (DataType.isBool(t)) return 'boolean';
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return field.metadata.get('ferry.sqlType')?.startsWith('DECIMAL') ? 'decimal' : 'text';
  if (DataType.isBinary(t) || DataType.isLargeBinary(t) || DataType.isFixedSizeBinary(t)) return 'binary';
  if (DataType.isDate(t)) return 'date';
  if (DataType.isTime(t)) return 'time';
  if (DataType.isTimestamp(t)) return 'timestamp';
  if (DataType.isNull(t)) return 'null';
  return 'other';
}

function columnView(field: Field, data: Data): ColumnView {
  const kind = kindOf(field);
  const valid = (row: number): boolean => data.nullCount === 0 || isValid(data, row);
  const base = { name: field.name, kind, sqlType: sqlTypeOf(field) };
  const t = field.type;
  const values = data.values as unknown;
  let read: (row: number) => string;
  switch (kind) {
    case 'decimal':
      if (DataType.isDecimal(t)) {
        const words = values as Uint32Array;
        const width = t.bitWidth / 32;
        read = (row) => decimalText(words, row * width, width, t.scale);
      } else {
        read = (row) => String(childGet(data, row));
      }
      break;
    case 'bigint':
      read = (row) => String((values as BigInt64Array)[row]);
      break;
    case 'date':
      // DateUnit: 0 DAY (Date32, days), 1 MILLISECOND (Date64, milliseconds).
      read = DataType.isDate(t) && t.unit === 0
        ? (row) => isoDate((values as Int32Array)[row]!)
        : (row) => isoDate(floorDiv((values as BigInt64Array)[row]!, 86_400_000n));
      break;
    case 'timestamp': {
      const unit = (DataType.isTimestamp(t) ? t.unit : 2) as TimeUnitCode;
      const zone = DataType.isTimestamp(t) ? t.timezone : null;
      read = (row) => timestampText((values as BigInt64Array)[row]!, unit, zone);
      break;
    }
    case 'time': {
      const unit = (DataType.isTime(t) ? t.unit : 2) as TimeUnitCode;
      read = (row) => timeText(BigInt(values instanceof BigInt64Array ? values[row]! : (values as Int32Array)[row]!), unit);
      break;
    }
    case 'binary':
      read = (row) => Buffer.from(childGet(data, row) as Uint8Array).toString('hex');
      break;
    case 'null':
      return { ...base, text: () => null };
    default:
      read = (row) => String(childGet(data, row));
  }
  return { ...base, text: (row) => (valid(row) ? read(row) : null) };
}

function isValid(data: Data, row: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0) return true;
  const i = data.offset + row;
  return ((bitmap[i >> 3]! >> (i & 7)) & 1) === 1;
}

const vectors = new WeakMap<Data, { get(i: number): unknown }>();
/** Reads through a Vector, which handles offsets of variable-width types. */
function childGet(data: Data, row: number): unknown {
  let v = vectors.get(data);
  if (!v) {
    v = makeVector(data);
    vectors.set(data, v);
  }
  return v.get(row);
}

/** Formats a little-endian two's-complement integer of `width` 32-bit words with `scale` decimals. */
export function decimalText(words: Uint32Array, start: number, width: number, scale: number): string {
  let v = 0n;
  for (let w = width - 1; w >= 0; w--) v = (v << 32n) | BigInt(words[start + w]!);
  const bits = BigInt(width * 32);
  if (v >> (bits - 1n)) v -= 1n << bits;
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return neg ? `-${digits}` : digits;
}

/** Every row of a table as exact text cells, batch by batch. */
export function* tableTextRows(table: Table): Generator<(string | null)[]> {
  for (const batch of table.batches) {
    const cols = batchColumns(batch);
    for (let r = 0; r < batch.numRows; r++) yield cols.map((c) => c.text(r));
  }
}
