import { describe, expect, it } from 'vitest';
import { whileRunning } from '../../../src/api/while-running.js';

describe('whileRunning', () => {
  it('hands over readings while the task runs, and none that arrives after its result', async () => {
    const seen: string[] = [];
    let finishRun: (v: string) => void = () => undefined;
    let lateReading: (p: string) => void = () => undefined;
    let reads = 0;
    const progress = (): Promise<string> => {
      reads += 1;
      if (reads === 1) return Promise.resolve('early');
      // The second reading is still in flight when the task ends.
      return new Promise<string>((resolve) => {
        lateReading = resolve;
        setTimeout(() => finishRun('result'), 5);
      });
    };
    const result = await whileRunning(() => new Promise<string>((resolve) => (finishRun = resolve)), progress, (p) => seen.push(p), 10);
    seen.push(result);
    lateReading('late');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['early', 'result']);
  });
});
