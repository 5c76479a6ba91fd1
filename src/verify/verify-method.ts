import type { VerifyMethod } from './verify-report.js';

const WORDS: Readonly<Record<VerifyMethod, string>> = {
  'checksum-in-database': 'checksums computed in each database',
  'checksum-in-jvm': 'rows hashed by Ferry from one canonical text',
  rows: 'rows hashed by Ferry (one side keeps no declared types)',
};

/**
 * How a verification compared the two sides, in words for people (reports name the method
 * rather than print its wire name); a name this version does not know is returned as it is.
 *
 * @example
 * verifyMethodWords('checksum-in-database') // 'checksums computed in each database'
 */
export function verifyMethodWords(method: VerifyMethod | string): string {
  return (WORDS as Readonly<Record<string, string | undefined>>)[method] ?? method;
}
