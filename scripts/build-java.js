#!/usr/bin/env node
// Builds the JVM side: resolves the pinned jars from Maven Central into jars/, builds
// jars/ferry-helper.jar from java/, then records a class-data-sharing archive (jars/ferry.jsa)
// from a training run so the JVM inside Node starts and plans its first query about twice as
// fast. Also writes src/bridge/contract.gen.ts, the TypeScript side of the messages, from the Java
// records (dev.ferry.wire.TypeScriptContract), and src/config/reserved-words.gen.ts, the words
// Calcite's parser reserves (dev.ferry.wire.ReservedWordsFile). Runs on `npm install` (via prepare) and
// `npm run build:java`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jars = join(root, 'jars');
const jvm = JSON.parse(readFileSync(join(root, 'java', 'jvm-options.json'), 'utf8'));
mkdirSync(jars, { recursive: true });
// Start clean so a version bump in the pom never leaves two copies of a library behind.
for (const f of readdirSync(jars)) if (f.endsWith('.jar') || f === jvm.archive) rmSync(join(jars, f));

const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
const r = spawnSync(mvn, ['-q', '-B', '-f', join(root, 'java', 'pom.xml'), 'package', '-DskipTests'], { stdio: 'inherit' });
if (r.error) {
  console.error(`ferry: cannot run Maven (${r.error.message}). Install JDK 17+ and Maven (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), then run npm run build:java`);
  process.exit(3);
}
if (r.status !== 0) {
  console.error(`ferry: Maven failed (exit ${r.status}); the jars in ${jars} are incomplete. Fix the error above and run npm run build:java`);
  process.exit(3);
}

// The archive is only used when the runtime classpath starts with the training one, so list the
// jars exactly as src/bridge/classpath.ts does.
const classpath = readdirSync(jars).filter((f) => f.endsWith('.jar')).sort().map((f) => join(jars, f));
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

// Files Node reads without starting the JVM are generated from the Java side: the TypeScript side
// of the TypeScript↔Java contract from the message records, and the SQL parser's reserved words.
const generated = [
  ['src/bridge/contract.gen.ts', 'dev.ferry.wire.TypeScriptContract', join(root, 'java', 'src', 'main', 'java')],
  ['src/config/reserved-words.gen.ts', 'dev.ferry.wire.ReservedWordsFile'],
];
for (const [file, generator, ...args] of generated) {
  const out = join(root, ...file.split('/'));
  const gen = spawnSync(java, ['-cp', classpath.join(':'), generator, ...args, out], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (gen.status !== 0) {
    console.error(`ferry: generating ${out} with ${generator} failed (exit ${gen.status}); fix the error above and run npm run build:java`);
    process.exit(3);
  }
}

// Signed jars (Janino) are left out of the archive and verified class by class at every start.
const unsign = spawnSync(java, [join(root, 'scripts', 'unsign-jars.java'), ...classpath], { stdio: ['ignore', 'ignore', 'inherit'] });
if (unsign.status !== 0) {
  console.error(`ferry: removing jar signatures failed (exit ${unsign.status}); Ferry works, but starts slower`);
}
const train = spawnSync(java, [`-XX:ArchiveClassesAtExit=${join(jars, jvm.archive)}`, ...jvm.options, '-cp', classpath.join(':'), 'dev.ferry.wire.Warmup'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (train.status !== 0) {
  // Only start-up speed depends on the archive; Ferry works without it.
  console.error(`ferry: the class-data-sharing training run failed (exit ${train.status}); Ferry will start without ${jvm.archive}`);
}
console.error(`ferry: ${classpath.length} jars ready in ${jars}${train.status === 0 ? `, with ${jvm.archive}` : ''}`);
