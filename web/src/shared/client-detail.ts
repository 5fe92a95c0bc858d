/** One client as `GET /api/clients/:clientId` returns it, shared by the client page and its cards (kept apart so the pages do not import each other). */
import type { ResponseOf } from './api-client';

export type ClientDetail = ResponseOf<'/api/clients/{clientId}'>;
export type TransferNotice = NonNullable<ClientDetail['transfer']>;
