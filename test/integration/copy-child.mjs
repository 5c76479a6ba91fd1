// Runs one table copy in its own process, printing progress as JSON lines, so a test can kill it
// with SIGKILL mid-copy. Usage: node copy-child.mjs '<config json>' '<request json>'.
// Imports the compiled library (dist/), built by `npx tsc -p tsconfig.json`.
import { engineDatabases } from '../../dist/api/index.js';
import { CopyHandle, EngineHandle } from '../../dist/bridge/index.js';
import { validateConfig } from '../../dist/config/index.js';

const [config, request] = process.argv.slice(2).map((a) => JSON.parse(a));
const engine = await EngineHandle.open(engineDatabases(validateConfig(config, process.cwd())));
const job = await CopyHandle.open(engine, request);
let done = false;
const running = job.run().finally(() => { done = true; });
while (!done) {
  process.stdout.write(`${JSON.stringify(await job.progress())}\n`);
  await new Promise((r) => setTimeout(r, 50));
}
process.stdout.write(`${JSON.stringify({ result: await running })}\n`);
await engine.close();
