/**
 * An argument as a POSIX shell reads it back: single-quoted unless plainly safe.
 *
 * @example
 * shellWord("it's") // "'it'\\''s'"
 */
export function shellWord(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
