/** Sizes of the demo's generated data. */
export const DEMO_SIZES = { customers: 500, products: 120, orders: 3000 } as const;

/** A tiny deterministic generator, so every demo run holds the same rows. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Edsger', 'Frances', 'Donald', 'Radia', 'Zoë', 'José', 'Søren', '李', 'Amélie'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Dijkstra', 'Allen', 'Knuth', 'Perlman', "O'Brien", 'Müller', 'Ødegaard', '王'];
const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'JP', 'BR', 'NO', 'CN'];
const CATEGORIES = ['books', 'games', 'garden', 'kitchen', 'tools'];
const NOUNS = ['Lamp', 'Kettle', 'Chess set', 'Trowel', 'Novel', 'Wrench', 'Teapot', 'Puzzle', 'Rake', 'Atlas'];

function q(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function chunked(table: string, columns: string, rows: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 250) out.push(`INSERT INTO ${table} (${columns}) VALUES ${rows.slice(i, i + 250).join(', ')}`);
  return out;
}

function ts(rand: () => number): string {
  const ms = Date.UTC(2024, 0, 1) + Math.floor(rand() * 365 * 86_400_000);
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** The SQLite "shop": customers, products, orders. */
export function shopStatements(): string[] {
  const rand = lcg(42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const customers: string[] = [];
  for (let id = 1; id <= DEMO_SIZES.customers; id++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    customers.push(`(${id}, ${q(name)}, ${q(`customer${id}@example.com`)}, ${q(pick(COUNTRIES))}, ${q(ts(rand))})`);
  }
  const products: string[] = [];
  const prices: number[] = [];
  for (let id = 1; id <= DEMO_SIZES.products; id++) {
    const cents = 199 + Math.floor(rand() * 20_000);
    prices.push(cents);
    products.push(`(${id}, ${q(`SKU-${String(id).padStart(5, '0')}`)}, ${q(`${pick(NOUNS)} #${id}`)}, ${(cents / 100).toFixed(2)}, ${q(pick(CATEGORIES))})`);
  }
  const orders: string[] = [];
  for (let id = 1; id <= DEMO_SIZES.orders; id++) {
    const product = 1 + Math.floor(rand() * DEMO_SIZES.products);
    const qty = 1 + Math.floor(rand() * 5);
    const total = ((prices[product - 1]! * qty) / 100).toFixed(2);
    orders.push(`(${id}, ${1 + Math.floor(rand() * DEMO_SIZES.customers)}, ${product}, ${qty}, ${total}, ${q(ts(rand))}, ${q(pick(['paid', 'shipped', 'delivered', 'refunded']))})`);
  }
  return [
    'DROP TABLE IF EXISTS orders',
    'DROP TABLE IF EXISTS products',
    'DROP TABLE IF EXISTS customers',
    'CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL UNIQUE, country CHAR(2) NOT NULL, created_at TIMESTAMP NOT NULL)',
    'CREATE TABLE products (id BIGINT PRIMARY KEY, sku VARCHAR(20) NOT NULL UNIQUE, name VARCHAR(100) NOT NULL, price DECIMAL(10,2) NOT NULL, category VARCHAR(30) NOT NULL)',
    'CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), product_id BIGINT NOT NULL REFERENCES products(id), quantity INTEGER NOT NULL, total DECIMAL(12,2) NOT NULL, ordered_at TIMESTAMP NOT NULL, status VARCHAR(20) NOT NULL)',
    ...chunked('customers', 'id, name, email, country, created_at', customers),
    ...chunked('products', 'id, sku, name, price, category', products),
    ...chunked('orders', 'id, customer_id, product_id, quantity, total, ordered_at, status', orders),
  ];
}

/** The H2 "warehouse": stock levels per product and site. */
export function warehouseStatements(): string[] {
  const rand = lcg(7);
  const rows: string[] = [];
  for (let p = 1; p <= DEMO_SIZES.products; p++) {
    for (const site of ['Hamburg', 'Lyon']) {
      rows.push(`(${p}, ${q(site)}, ${Math.floor(rand() * 400)}, TIMESTAMP ${q(ts(rand))})`);
    }
  }
  return [
    'DROP TABLE IF EXISTS stock',
    'CREATE TABLE stock (product_id BIGINT NOT NULL, site VARCHAR(40) NOT NULL, on_hand INTEGER NOT NULL, counted_at TIMESTAMP NOT NULL, PRIMARY KEY (product_id, site))',
    ...chunked('stock', 'product_id, site, on_hand, counted_at', rows),
  ];
}

/** The cross-database query the demo prints and runs. */
export const DEMO_QUERY = `SELECT p.name, p.category, SUM(o.total) AS revenue, s.on_hand AS in_stock
FROM shop.orders o
JOIN shop.products p ON p.id = o.product_id
JOIN (SELECT product_id, SUM(on_hand) AS on_hand FROM warehouse.stock GROUP BY product_id) s ON s.product_id = p.id
WHERE o.status <> 'refunded'
GROUP BY p.name, p.category, s.on_hand
ORDER BY revenue DESC
LIMIT 5`;
