import { counted, thousands } from './numbers.js';

/**
 * The one line that sums up a verification of `total` tables when some did not match:
 * `differs` differed and `failed` could not be compared.
 *
 * @example
 * verifyOutcomeLine(3, 1, 1) // '1 of 3 tables differs, 1 could not be compared'
 * verifyOutcomeLine(3, 0, 1) // '1 of 3 tables could not be compared, the others match'
 */
export function verifyOutcomeLine(total: number, differs: number, failed: number): string {
  if (differs === 0) {
    return `${thousands(failed)} of ${counted(total, 'table')} could not be compared${failed < total ? ', the others match' : ''}`;
  }
  return `${thousands(differs)} of ${counted(total, 'table')} ${differs === 1 ? 'differs' : 'differ'}${failed ? `, ${thousands(failed)} could not be compared` : ''}`;
}
