#!/usr/bin/env node
// Builds the JVM side: resolves the pinned jars from Maven Central into jars/ and builds
// jars/ferry-helper.jar from java/. Runs on `npm install` (via prepare) and `npm run build:java`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jars = join(root, 'jars');
mkdirSync(jars, { recursive: true });
// Start clean so a version bump in the pom never leaves two copies of a library behind.
for (const f of readdirSync(jars)) if (f.endsWith('.jar')) rmSync(join(jars, f));

const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
const args = ['-q', '-B', '-f', join(root, 'java', 'pom.xml'), 'package', '-DskipTests'];
const r = spawnSync(mvn, args, { stdio: 'inherit' });
if (r.error) {
  console.error(`ferry: cannot run Maven (${r.error.message}). Install JDK 17+ and Maven (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), then run npm run build:java`);
  process.exit(3);
}
if (r.status !== 0) {
  console.error(`ferry: Maven failed (exit ${r.status}); the jars in ${jars} are incomplete. Fix the error above and run npm run build:java`);
  process.exit(3);
}
console.error(`ferry: ${readdirSync(jars).filter((f) => f.endsWith('.jar')).length} jars ready in ${jars}`);
