/**
 * The one SQL layer. The same SQL runs on embedded PGlite and on a PostgreSQL
 * server; both adapters return plain rows with the same JS types:
 * `date` as 'YYYY-MM-DD' strings, `timestamptz` as Date, `bytea` as Buffer,
 * `int8` as string (never silently rounded).
 */

/** Something SQL can be sent to: the database or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations); not for parameterised queries. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** The role the application runs as: not superuser, no BYPASSRLS, not the tables' owner. */
export const APP_ROLE = 'dossierwijzer_app';

/** PostgreSQL type OIDs whose parsing both adapters override. */
export const TypeOid = { int8: 20, date: 1082, bytea: 17 } as const;
