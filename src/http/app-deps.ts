/** What route modules receive: the built pieces of the app, passed in, never global. */
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';

export interface AppDeps {
  config: Config;
  db: Database;
  masterKey: Buffer;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}
