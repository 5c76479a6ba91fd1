import { describe, expect, it } from 'vitest';
import { FerryError } from '../../../src/errors/index.js';
import { mappingFromMaps, mergeMappings, parseMapping, validateMapping } from '../../../src/migrate/mapping.js';

const EXAMPLE = `# Ferry mapping: how each target table gets its values from the source.
tables:
  customers:                 # target table
    from: clients            # source table (default: the same name)
    where: "active = 1"      # optional: only source rows matching this Calcite SQL condition
    columns:                 # target column: Calcite SQL expression over the source table's columns
      full_name: "first_name || ' ' || last_name"
      email: email_address   # a rename is just the old column's name
      status: "'active'"     # a constant
  audit_log: skip            # a target table the migration leaves alone (or: { skip: true })
`;

/** The error a call throws, for its code and message. */
function thrown(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

describe('parseMapping', () => {
  it('reads the documented example', () => {
    expect(parseMapping(EXAMPLE, 'mapping.yaml')).toEqual({
      tables: {
        customers: {
          kind: 'map',
          from: 'clients',
          where: 'active = 1',
          columns: { full_name: "first_name || ' ' || last_name", email: 'email_address', status: "'active'" },
        },
        audit_log: { kind: 'skip' },
      },
    });
  });

  it('reads JSON, { skip: true }, YAML numbers and booleans as SQL literals, and a columns: with every line commented out', () => {
    const json = '{"tables":{"a":{"skip":true},"b":{"columns":{"n":"0"}}}}';
    expect(parseMapping(json, 'm.json').tables).toEqual({ a: { kind: 'skip' }, b: { kind: 'map', from: null, where: null, columns: { n: '0' } } });
    const yaml = 'tables:\n  t:\n    columns:\n      n: 12345678901234567890\n      f: true\n  u:\n    columns:\n      # x: <SQL>\n';
    expect(parseMapping(yaml, 'm.yaml').tables).toEqual({
      t: { kind: 'map', from: null, where: null, columns: { n: '12345678901234567890', f: 'TRUE' } },
      u: { kind: 'map', from: null, where: null, columns: {} },
    });
  });

  it('names the key path, what is wrong and how to fix it', () => {
    const e = thrown(() => parseMapping('tables:\n  customers:\n    colums:\n      a: b\n', 'm.yaml'));
    expect(e.code).toBe('MAPPING_INVALID');
    expect(e.message).toBe("m.yaml: tables.customers: unknown key 'colums' (valid: from, where, columns, skip)");
    expect(thrown(() => parseMapping('tables:\n  customers:\n    columns:\n      full_name: [a, b]\n', 'm.yaml')).message)
      .toBe(`m.yaml: tables.customers.columns.full_name: expected a SQL expression, got a list: write it as text, quoted if it holds YAML characters, e.g. full_name: "first_name || ' ' || last_name"`);
    expect(thrown(() => parseMapping('tables:\n  customers:\n    columns:\n      full_name:\n', 'm.yaml')).message)
      .toBe("m.yaml: tables.customers.columns.full_name: empty: give a SQL expression over the source table's columns, or leave the column out to take the source column of the same name");
    expect(thrown(() => parseMapping('tables:\n  t:\n    skip: true\n    from: x\n', 'm.yaml')).message)
      .toBe('m.yaml: tables.t: skip: true leaves the table alone, so it cannot have from, where or columns: remove skip, or the other keys');
    expect(thrown(() => parseMapping('tables:\n  t: ignore\n', 'm.yaml')).message)
      .toBe("m.yaml: tables.t: expected 'skip' or a map of from, where, columns, skip, got string \"ignore\"");
    expect(thrown(() => parseMapping('tables:\n  t:\n    from: 123\n', 'm.yaml')).message).toBe('m.yaml: tables.t.from: expected the source table name as text, got number 123');
    expect(thrown(() => parseMapping('table:\n  t: skip\n', 'm.yaml')).message)
      .toBe("m.yaml: tables: required: add it, with one key per target table; unknown key 'table' (valid: tables)");
  });

  it('reports text that does not parse with its line, and an empty file', () => {
    const e = thrown(() => parseMapping('tables:\n  t: skip\n  t: skip\n', 'm.yaml'));
    expect(e.code).toBe('MAPPING_INVALID');
    expect(e.message).toMatch(/^m\.yaml: not valid YAML: .*unique.*line 3/);
    expect(thrown(() => parseMapping('{', 'm.json')).message).toMatch(/^m\.json: not valid JSON: /);
    expect(thrown(() => parseMapping('# nothing yet\n', 'm.yaml')).message).toBe('m.yaml: the mapping is empty: start it with tables:, one key per target table');
  });

  it('keeps every issue with its key in the error meta', () => {
    const e = thrown(() => validateMapping({ tables: { a: { from: '' }, b: { where: 3 } } }, 'm.yaml'));
    expect(e.meta.issues).toEqual([
      { key: 'tables.a.from', message: 'tables.a.from: empty: give the source table name, or leave the key out' },
      { key: 'tables.b.where', message: 'tables.b.where: expected a SQL condition as text, got number 3: quote it, e.g. where: "active = 1"' },
    ]);
  });
});

describe('mappingFromMaps', () => {
  it('builds columns per table from TABLE.COLUMN=SQL, the first = ending the target', () => {
    expect(mappingFromMaps(["customers.full_name=first_name || ' ' || last_name", 'customers.ok=a = b', '"a.b"."c""d"=1'])).toEqual({
      tables: {
        customers: { kind: 'map', from: null, where: null, columns: { full_name: "first_name || ' ' || last_name", ok: 'a = b' } },
        'a.b': { kind: 'map', from: null, where: null, columns: { 'c"d': '1' } },
      },
    });
  });

  it('refuses a malformed option or a column given twice', () => {
    for (const bad of ['customers=x', 'customers.full_name', 'customers.full_name=  ', '.x=1', 'a.b.c=1']) {
      expect(thrown(() => mappingFromMaps([bad])).code, bad).toBe('USAGE');
    }
    expect(thrown(() => mappingFromMaps(['t.c=1', 't.c=2'])).message).toBe('--map t.c is given twice: keep one');
  });
});

describe('mergeMappings', () => {
  it('lays --map columns over the file, keeping the file\'s from, where and other columns', () => {
    const file = parseMapping(EXAMPLE, 'mapping.yaml');
    const merged = mergeMappings(file, mappingFromMaps(["customers.status='new'", 'orders.total=qty * price']));
    expect(merged.tables).toEqual({
      customers: { kind: 'map', from: 'clients', where: 'active = 1', columns: { full_name: "first_name || ' ' || last_name", email: 'email_address', status: "'new'" } },
      audit_log: { kind: 'skip' },
      orders: { kind: 'map', from: null, where: null, columns: { total: 'qty * price' } },
    });
  });

  it('refuses columns for a table the file skips', () => {
    const e = thrown(() => mergeMappings(parseMapping(EXAMPLE, 'mapping.yaml'), mappingFromMaps(['audit_log.x=1'])));
    expect(e.code).toBe('USAGE');
    expect(e.message).toBe('the mapping skips audit_log, so --map cannot give it columns: remove one or the other');
  });
});
