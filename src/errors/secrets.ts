/** What a secret is replaced by in every message. */
export const SECRET_MASK = '***';

const secrets = new Set<string>();

/** `user:password@` in a URL's authority. */
const USER_INFO = /\/\/[^/:@?;]*:([^@/?;]+)@/;
/** `password=…`, `sslpassword=…` and the like among a URL's parameters. */
const PASSWORD_PARAM = /[?&;:][a-z_.]*password=([^&;]+)/gi;

/**
 * The secrets written inside a JDBC URL: a user-info password and every `…password=` value.
 *
 * @example
 * urlSecrets('jdbc:mariadb://root:pw@h/db') // ['pw']
 */
export function urlSecrets(url: string): string[] {
  const out: string[] = [];
  const m = USER_INFO.exec(url);
  if (m?.[1]) out.push(m[1]);
  for (const p of url.matchAll(PASSWORD_PARAM)) if (p[1]) out.push(p[1]);
  return out;
}

/**
 * Remembers secrets (passwords, URL-embedded passwords) so that no FerryError message or detail
 * ever repeats them, whoever wrote the text (Ferry, the JVM, a driver). Empty values are ignored.
 *
 * @example
 * registerSecrets([db.password, ...urlSecrets(db.url)])
 */
export function registerSecrets(values: Iterable<string | undefined | null>): void {
  for (const v of values) {
    if (!v || v === SECRET_MASK) continue;
    secrets.add(v);
    try {
      const decoded = decodeURIComponent(v);
      if (decoded !== v) secrets.add(decoded);
    } catch {
      // Not URL-encoded: the value itself is registered.
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with every registered secret masked. Secrets of three characters or fewer are masked
 * only where they stand alone, so a weak password does not garble every word containing it.
 *
 * @example
 * scrubSecrets('Incorrect port value : pw@127.0.0.1') // 'Incorrect port value : ***@127.0.0.1'
 */
export function scrubSecrets(text: string): string {
  if (secrets.size === 0) return text;
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    out = s.length > 3 ? out.split(s).join(SECRET_MASK) : out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s)}(?![\\p{L}\\p{N}])`, 'gu'), SECRET_MASK);
  }
  return out;
}

/** `value` with every string inside it (however deeply nested) passed through {@link scrubSecrets}. */
export function scrubDeep<T>(value: T): T {
  if (secrets.size === 0) return value;
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrubDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v)])) as T;
  }
  return value;
}
