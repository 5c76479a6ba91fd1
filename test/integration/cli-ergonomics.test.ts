import { describe, expect, it } from 'vitest';
import { runFerry, tempDir } from './fixtures.js';

const ferry = runFerry;

describe('ferry CLI ergonomics', () => {
  const dir = tempDir('i12a-ergo-');
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
