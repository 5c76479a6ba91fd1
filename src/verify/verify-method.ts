import type { VerifyMethod } from './verify-report.js';

const WORDS: Readonly<Record<VerifyMethod, string>> = {
  'checksum-in-database': 'per-chunk checksums computed inside each database',
  'checksum-in-jvm': 'rows streamed from both sides and checksummed by Ferry from one canonical text, per chunk',
  rows: 'rows streamed from both sides (one keeps no declared types) and checksummed by Ferry, per chunk',
};

/**
 * How a verification compared the two sides, in words for people (reports name the method
 * rather than print its wire name); a name this version does not know is returned as it is.
 *
 * @example
 * verifyMethodWords('checksum-in-database') // 'per-chunk checksums computed inside each database'
 */
export function verifyMethodWords(method: VerifyMethod | string): string {
  return (WORDS as Readonly<Record<string, string | undefined>>)[method] ?? method;
}
