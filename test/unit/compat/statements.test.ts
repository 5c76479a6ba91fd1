import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../../src/compat/statements.js';

describe('splitStatements', () => {
  it('gives each statement without the comments before and after it, starting where its code starts', () => {
    const text = [
      '-- the parent lookup',
      'SELECT 1;',
      '/* children */ -- (the join)',
      '',
      '  SELECT c.id /* keep */ FROM child c',
      '  WHERE c.x = \';\' -- trailing',
      ';  SELECT "a;b" FROM t; -- after the last one',
      '/* only a comment */;',
    ].join('\n');
    expect(splitStatements(text)).toEqual([
      { sql: 'SELECT 1', line: 2, column: 1 },
      { sql: "SELECT c.id /* keep */ FROM child c\n  WHERE c.x = ';'", line: 5, column: 3 },
      { sql: 'SELECT "a;b" FROM t', line: 7, column: 4 },
    ]);
  });

  it('starts a statement after a comment on its own first line', () => {
    expect(splitStatements('/* a */ SELECT 1')).toEqual([{ sql: 'SELECT 1', line: 1, column: 9 }]);
  });

  it('keeps an unterminated quote or comment as the rest of the file', () => {
    expect(splitStatements("SELECT 'open")).toEqual([{ sql: "SELECT 'open", line: 1, column: 1 }]);
    expect(splitStatements('SELECT 1 /* open')).toEqual([{ sql: 'SELECT 1', line: 1, column: 1 }]);
  });
});
