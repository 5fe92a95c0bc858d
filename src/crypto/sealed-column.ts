/**
 * The shape in which an owner module declares a column of values sealed
 * directly under the master key (issue 14: the owner names its table; the
 * rotation in `master-key-rotation.ts` rewraps what the owners declare). A
 * leaf module, so the owners and the rotation can both import it.
 */

/** One column of values sealed directly under the master key. */
export interface SealedColumn {
  /** What it holds, in the progress lines. */
  name: string;
  table: string;
  /** The primary key, and whether it is a uuid or a bytea. */
  key: { column: string; type: 'uuid' | 'bytea' };
  column: string;
  /** The column the associated data names (often the key), and how it names it. */
  place: { column: string; aad: (value: string) => string };
}
