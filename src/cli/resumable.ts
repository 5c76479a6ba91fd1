import { Ferry } from '../api/index.js';
import type { LoadedConfig } from '../config/index.js';
import { onInterrupt } from './interrupts.js';

/**
 * Opens a Ferry for a command whose committed chunks survive an interruption (copy, migrate),
 * runs `work`, and closes it; a Ctrl-C or SIGTERM meanwhile is answered with what stays and how
 * to continue, before the connections close and the process ends.
 *
 * @example
 * await withResumableFerry('copy', loaded, async (ferry) => { await copy(ferry, options); });
 */
export async function withResumableFerry(command: string, loaded: LoadedConfig, work: (ferry: Ferry) => Promise<void>): Promise<void> {
  const off = onInterrupt((signal) => {
    process.stderr.write(`\nferry ${command}: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; every chunk already committed stays, with its checkpoint. Run the same command with --resume to continue.\n`);
  });
  let ferry: Ferry;
  try {
    ferry = await Ferry.open(loaded);
  } catch (e) {
    off();
    throw e;
  }
  try {
    await work(ferry);
  } finally {
    off();
    await ferry.close();
  }
}
