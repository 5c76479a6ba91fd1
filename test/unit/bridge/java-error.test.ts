import { describe, expect, it } from 'vitest';
import { toFerryError } from '../../../src/bridge/java-error.js';
import { FerryError } from '../../../src/errors/index.js';

/** A java-bridge style error: the Java exception text with a stack trace after it. */
function javaError(firstLine: string): Error {
  return new Error(
    [
      firstLine,
      '\tat dev.ferry.Engine.query(Engine.java:120)',
      '\tat dev.ferry.Engine.lambda$run$0(Engine.java:88)',
      'Caused by: org.apache.calcite.sql.parser.SqlParseException: Encountered "FORM" at line 2, column 12.',
      '\tat org.apache.calcite.sql.parser.impl.SqlParserImpl.convertException(SqlParserImpl.java:400)',
    ].join('\n'),
  );
}

describe('toFerryError', () => {
  it('decodes the FerryFailure envelope inside a longer Java message', () => {
    const envelope = JSON.stringify({ code: 'SQL_SYNTAX', message: 'Encountered "FORM" at line 2, column 12', meta: { line: 2, column: 12 } });
    const cause = javaError(`io.github.javabridge.JavaError: dev.ferry.FerryFailure: <<ferry:${envelope}:ferry>>`);
    const e = toFerryError(cause, 'running the query');
    expect(e).toBeInstanceOf(FerryError);
    expect(e.code).toBe('SQL_SYNTAX');
    expect(e.message).toBe('Encountered "FORM" at line 2, column 12');
    expect(e.meta).toEqual({ line: 2, column: 12 });
    expect(e.exitCode).toBe(2);
    expect(e.cause).toBe(cause);
  });

  it('keeps messages with newlines, quotes and unicode intact', () => {
    const message = 'table "shop"."ordérs" not found\nDid you mean "orders"? <<ferry:';
    const cause = new Error(`FerryFailure <<ferry:${JSON.stringify({ code: 'SQL_VALIDATION', message, meta: { database: 'shop' } })}:ferry>>\n\tat x`);
    const e = toFerryError(cause, 'validating');
    expect(e.code).toBe('SQL_VALIDATION');
    expect(e.message).toBe(message);
    expect(e.meta).toEqual({ database: 'shop' });
  });

  it('defaults meta to {} and maps connection failures to exit 3', () => {
    const e = toFerryError(new Error('FerryFailure <<ferry:{"code":"CONNECTION_FAILED","message":"cannot reach pg"}:ferry>>'), 'opening');
    expect(e.code).toBe('CONNECTION_FAILED');
    expect(e.meta).toEqual({});
    expect(e.exitCode).toBe(3);
  });

  it('turns an unknown code into JVM_ERROR but keeps the message and meta', () => {
    const e = toFerryError(new Error('FerryFailure <<ferry:{"code":"NOT_A_CODE","message":"odd","meta":{"x":1}}:ferry>>'), 'running');
    expect(e.code).toBe('JVM_ERROR');
    expect(e.message).toBe('odd');
    expect(e.meta).toEqual({ x: 1 });
    expect(e.exitCode).toBe(3);
  });

  it('reports a Java error without an envelope as JVM_ERROR with what was being done and the first line', () => {
    const cause = javaError('java.lang.OutOfMemoryError: Java heap space');
    const e = toFerryError(cause, 'running the query');
    expect(e.code).toBe('JVM_ERROR');
    expect(e.message).toBe('running the query: java.lang.OutOfMemoryError: Java heap space');
    expect(e.meta).toEqual({});
    expect(e.cause).toBe(cause);
  });

  it('falls back to JVM_ERROR for a damaged or unterminated envelope', () => {
    const damaged = toFerryError(new Error('FerryFailure <<ferry:{"code":"SQL_SYNTAX",:ferry>>\nstack'), 'parsing');
    expect(damaged.code).toBe('JVM_ERROR');
    expect(damaged.message).toBe('parsing: FerryFailure <<ferry:{"code":"SQL_SYNTAX",:ferry>>');
    const open = toFerryError(new Error('FerryFailure <<ferry:{"code":"SQL_SYNTAX"}'), 'parsing');
    expect(open.code).toBe('JVM_ERROR');
  });

  it('accepts thrown non-Errors', () => {
    const e = toFerryError('plain string\nsecond line', 'starting the JVM');
    expect(e.code).toBe('JVM_ERROR');
    expect(e.message).toBe('starting the JVM: plain string');
  });

  it('returns a FerryError unchanged', () => {
    const original = new FerryError('READ_ONLY', 'shop is read-only', { database: 'shop' });
    expect(toFerryError(original, 'copying')).toBe(original);
  });
});
