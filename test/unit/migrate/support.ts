import { INTEGER, TEXT, col, decimal, id, snapshot, table, varchar } from '../compat/support.js';

/** v1 → v2 of a small shop: renames beside other changes, a new NOT NULL column, tables dropped and added. */
export const V1 = snapshot([
  table('customers', [id(), col('email', varchar(120)), col('fax', varchar(20)), col('created', TEXT)]),
  table('orders', [id(), col('amount', INTEGER), col('select', varchar(10))]),
  table('audit_log', [id()]),
  table('stats', [id()]),
]);
export const V2 = snapshot([
  table('customers', [id(), col('email_address', varchar(120)), col('tier', varchar(5), { nullable: false }), col('created_at', TEXT), col('phone', varchar(20))]),
  table('ORDERS', [id(), col('amount_due', decimal(10, 2)), col('selected', varchar(10)), col('tenant', INTEGER, { nullable: false }), col('seq', INTEGER, { nullable: false, autoIncrement: true })]),
  table('invoices', [id()]),
]);
