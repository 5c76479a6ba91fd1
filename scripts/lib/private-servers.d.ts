// Types for private-servers.js, so TypeScript tests can import it (tsconfig has no allowJs).

/** The PostgreSQL major version whose Debian cluster tools make the private clusters. */
export declare const PG_VERSION: string;

/** What every private server has. */
interface PrivateServer {
  /** The name it was started with; a later start with the same name replaces it. */
  readonly name: string;
  readonly host: '127.0.0.1';
  readonly port: number;
  /** A superuser that needs no password. */
  readonly user: string;
  /** A JDBC URL to its default database. */
  readonly url: string;
  /** The server's log file. */
  readonly log: string;
  /** Milliseconds from the call to the server accepting connections (leftover clean-up included). */
  readonly startMs: number;
  /** Stops the server and removes its data; synchronous, so it works in a signal handler too. */
  stop(): void;
}

/** A private PostgreSQL 15 cluster with wal_level=logical and trust authentication. */
export interface LogicalPostgres extends PrivateServer {
  readonly kind: 'postgres';
  readonly user: 'postgres';
  /** `jdbc:postgresql://127.0.0.1:PORT/postgres` */
  readonly url: string;
  /** psql's connection arguments (`-h 127.0.0.1 -p PORT -U postgres`). */
  readonly psqlArgs: readonly string[];
}

/** A private MariaDB with the binlog in ROW format, root without a password, database `test`. */
export interface BinlogMariaDb extends PrivateServer {
  readonly kind: 'mariadb';
  readonly user: 'root';
  /** `jdbc:mariadb://127.0.0.1:PORT/test` */
  readonly url: string;
  /** The mariadb client's connection arguments (`--no-defaults -h 127.0.0.1 -P PORT -u root`). */
  readonly clientArgs: readonly string[];
  /** The folder holding its datadir, socket, pid file and log. */
  readonly home: string;
}

/** Why a private server of `kind` cannot be started here (a tool is missing), or undefined. */
export declare function privateServerMissing(kind: 'postgres' | 'mariadb'): string | undefined;

/** A TCP port nothing listens on and no PostgreSQL cluster is configured for, from 20000–29999. */
export declare function freePort(): Promise<number>;

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export declare function portInUse(port: number): Promise<boolean>;

/** Starts a private PostgreSQL cluster named `name` (lower-case letters, digits, _), replacing a leftover. */
export declare function startLogicalPostgres(options: { name: string }): Promise<LogicalPostgres>;

/** Starts a private MariaDB named `name` (lower-case letters, digits, _), replacing a leftover. */
export declare function startBinlogMariaDb(options: { name: string }): Promise<BinlogMariaDb>;

/** Runs SQL through psql on the private PostgreSQL (tuples only, unaligned) and returns the output. */
export declare function pgSql(server: LogicalPostgres, sql: string, database?: string): string;

/** Runs SQL through the mariadb client on the private MariaDB (batch, no headers) and returns the output. */
export declare function mariaSql(server: BinlogMariaDb, sql: string, database?: string): string;
