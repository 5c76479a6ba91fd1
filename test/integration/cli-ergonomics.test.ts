import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FERRY_BIN, native, runFerry, tempDir } from './fixtures.js';

const ferry = runFerry;

describe('ferry CLI ergonomics', () => {
  const dir = tempDir('i12a-ergo-');
  const h2 = `jdbc:h2:${join(dir, 'big')}`;

  beforeAll(async () => {
    await native(h2, 'CREATE TABLE nums AS SELECT X AS id FROM SYSTEM_RANGE(1, 300000)');
  });

  it('ends quietly with exit 0 when the reader of its output stops early (| head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${FERRY_BIN}" query --db big=${h2} -f csv "SELECT id FROM big.PUBLIC.NUMS" | head -n 2; echo "exit=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toBe('id\r\n1\r\nexit=0\n');
    expect(r.stderr).toBe('');
  });

  it("reports argument-parser errors in Ferry's format, pointing at the command's help", () => {
    const missing = ferry(['check', '--from', 'a'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("ferry: error [USAGE]: required option '--to <b>' not specified (see ferry check --help)\n");
    const unknown = ferry(['query', '--frobnicate', 'SELECT 1'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe("ferry: error [USAGE]: unknown option '--frobnicate' (see ferry query --help)\n");
    const command = ferry(['qeury'], dir);
    expect(command.code).toBe(2);
    expect(command.err).toBe("ferry: error [USAGE]: unknown command 'qeury' (Did you mean query?) (see ferry --help)\n");
  });
});
