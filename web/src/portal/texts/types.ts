/** The shape every catalogue has: the Dutch catalogue's keys, with its strings and text functions (catalogue.ts). */
import type { nl } from './nl';

export type Texts = typeof nl;
