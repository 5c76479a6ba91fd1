/**
 * Small helpers for writing Calcite SQL text safely: identifiers are always double-quoted
 * (so spaces, reserved words and case survive), literals escaped.
 */

/** Quotes one identifier for Calcite: `Order Items` → `"Order Items"`. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a dotted path: `['pg', 'public', 'orders']` → `"pg"."public"."orders"`. */
export function path(parts: readonly string[]): string {
  return parts.map(ident).join('.');
}

/** A string literal. */
export function str(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Finds a name in a list the way Ferry matches names: exact first, then case-insensitively. */
export function matchName<T>(items: readonly T[], name: string, key: (t: T) => string): T | undefined {
  return items.find((i) => key(i) === name) ?? items.find((i) => key(i).toLowerCase() === name.toLowerCase());
}
