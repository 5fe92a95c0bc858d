/**
 * The portal's pages after log-in, in menu order: path, the shell's text key for the menu and title, and the page.
 * The start page (`/portaal`) is the shell's own.
 */
import type { ReactNode } from 'react';
import type { PortalMe } from './portal-types';
import { DossierPage } from './pages/Dossier';
import { AccessLogPage } from './pages/AccessLog';
import { RequestsPage } from './pages/Requests';
import { ConsentsPage } from './pages/Consents';
import { MessagesPage } from './pages/Messages';

export interface PortalPage {
  path: string;
  key: 'dossier' | 'accessLog' | 'requests' | 'consents' | 'messages';
  render: (me: PortalMe, path: string) => ReactNode;
}

export const PORTAL_PAGES: readonly PortalPage[] = [
  { path: '/portaal/dossier', key: 'dossier', render: (me) => <DossierPage me={me} /> },
  { path: '/portaal/wie-keek', key: 'accessLog', render: () => <AccessLogPage /> },
  { path: '/portaal/verzoeken', key: 'requests', render: (me) => <RequestsPage me={me} /> },
  { path: '/portaal/toestemmingen', key: 'consents', render: (me) => <ConsentsPage me={me} /> },
  { path: '/portaal/berichten', key: 'messages', render: (me) => <MessagesPage me={me} /> },
];

/** The page a path shows (a page's sub-paths show the page). */
export function pageOf(path: string): PortalPage | undefined {
  return PORTAL_PAGES.find((p) => path === p.path || path.startsWith(`${p.path}/`));
}
