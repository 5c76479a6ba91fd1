/**
 * Version 2 of the demo shop's schema, empty, with the changes a real release might carry:
 * some that break against today's data, some that only might, some that are safe.
 */
export function shopV2Statements(): string[] {
  return [
    'DROP TABLE IF EXISTS reviews',
    'DROP TABLE IF EXISTS orders',
    'DROP TABLE IF EXISTS products',
    'DROP TABLE IF EXISTS customers',
    // name narrowed below today's longest name (error); new NOT NULL column without a default
    // (error); new nullable column (info).
    'CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(12) NOT NULL, email VARCHAR(200) NOT NULL UNIQUE, country CHAR(2) NOT NULL, created_at TIMESTAMP NOT NULL, loyalty_tier VARCHAR(10) NOT NULL, phone VARCHAR(20))',
    // price widened (info); category dropped while it holds data (error).
    'CREATE TABLE products (id BIGINT PRIMARY KEY, sku VARCHAR(20) NOT NULL UNIQUE, name VARCHAR(100) NOT NULL, price DECIMAL(12,2) NOT NULL)',
    // ordered_at renamed to placed_at (probable rename); total narrowed but today's data fits
    // (warning); one order per customer and product (today's data has duplicates: error).
    'CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), product_id BIGINT NOT NULL REFERENCES products(id), quantity INTEGER NOT NULL, total DECIMAL(8,2) NOT NULL, placed_at TIMESTAMP NOT NULL, status VARCHAR(20) NOT NULL, UNIQUE (customer_id, product_id))',
    // a new table (info).
    'CREATE TABLE reviews (id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL REFERENCES products(id), stars INTEGER NOT NULL, body VARCHAR(2000))',
    'CREATE INDEX reviews_product ON reviews (product_id)',
  ];
}

/** The demo application's queries, checked against both versions. */
export const DEMO_APP_QUERIES = `-- Queries the shop application runs.
SELECT id, name, email FROM customers WHERE country = 'DE';

SELECT o.id, o.total, o.ordered_at
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE c.id = 1;

SELECT category, COUNT(*) FROM products GROUP BY category;
`;
