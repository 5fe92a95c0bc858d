/**
 * "Who has seen my dossier" in the client portal (issue 19 item 3), from the hash-chained access log: who (name and
 * function; a portal user's name), when (in words), what part (a Dutch label), on what basis (Dutch) — never a code.
 * Emergency accesses stand out with their review's outcome. The portal's own rows of one person, one day and one act
 * are summarised as one line with a count.
 *
 * Who may see it: whoever the engine lets inspect the dossier today (the route's intent is `inspect`). The client has
 * the right to know who received their data (AVG 15(1)(c)) and NEN 7513 says a client can be shown who accessed
 * their data; a parent with custody of a child under 16, or a guardian, exercises the child's rights (Jeugdwet
 * 7.3.11; BW 7:465) and so may see it too — but a parent without custody (general information only, BW 1:377c) or a
 * parent of a young person of 16 without the young person's consent may not: who saw the dossier, and in which role,
 * says a good deal about the care itself.
 */
import type { PortalScope } from '../../access/gate-scope.js';
import { portalLogOf, type PortalLogRow } from '../../access/access-log-store.js';
import { emergencyReviewsOfClient } from '../../emergency/emergency-store.js';
import { actorName, Citation, type Actor } from '../../rules/index.js';
import { ACCESS_ACTIONS, ACCESS_BASES, PARTS, ROLES, momentInWords } from '../../shared/labels.js';
import { calendarDate } from '../../shared/calendar-date.js';

export interface PortalLogLine {
  seq: string;
  at: string;
  atText: string;
  who: { name: string; function: string };
  what: string;
  action: string;
  basis: string;
  /** More than 1: the portal's rows of one person, one day and one act, summarised. */
  count: number;
  emergency: null | { reviewed: boolean; justified: boolean | null; outcome: string };
}

/** What a portal user did, in Dutch (the portal door's acts are not in the staff catalogue). */
const PORTAL_ACTIONS: Readonly<Record<string, string>> = {
  'inspect': 'Ingezien', 'copy': 'Afschrift gemaakt', 'general-information': 'Algemene informatie bekeken', 'correct': 'Correctie gevraagd',
  'add-statement': 'Eigen verklaring gegeven', 'destroy': 'Vernietiging gevraagd', 'request': 'Verzoek gedaan', 'consent': 'Toestemming beheerd',
  'message': 'Bericht', 'read-log': 'Bekeken wie het dossier zag', 'account': 'Account',
};

function label(table: Readonly<Record<string, string>>, code: string, fallback: string): string {
  return table[code] ?? fallback;
}

const EXTRA_PARTS: Readonly<Record<string, string>> = {
  'emergency-summary': 'Het noodoverzicht', 'client-existence': 'Alleen dat u cliënt bent', 'portal': 'Het portaal',
};

/**
 * A page of the log of the scope's client, as the portal shows it.
 * @example const { lines } = await portalAccessLog(scope, { limit: 50 }); lines[0].who.name // 'Anna de Vries'
 */
export async function portalAccessLog(scope: PortalScope, options: { limit: number; before?: string }): Promise<{
  lines: PortalLogLine[]; nextBefore: string | null; explanation: string; basis: string[];
}> {
  const rows = await portalLogOf(scope).page(options.limit + 1, options.before);
  const page = rows.slice(0, options.limit);
  const reviews = page.some((r) => r.basis === 'emergency') ? await emergencyReviewsOfClient(scope) : [];
  const lines: PortalLogLine[] = [];
  let previous: { key: string; line: PortalLogLine } | undefined;
  for (const r of page) {
    const portal = r.employee_role?.startsWith('portal-') === true;
    const key = portal ? `${r.employee_id}|${calendarDate(r.occurred_at)}|${r.action}|${r.part}|${r.outcome}` : '';
    if (portal && previous?.key === key) {
      previous.line.count += 1;
      continue;
    }
    const line = lineOf(r, scope, reviews);
    lines.push(line);
    previous = portal ? { key, line } : undefined;
  }
  return {
    lines, nextBefore: rows.length > options.limit ? page[page.length - 1]!.seq : null,
    explanation: 'U mag het dossier inzien. Daarom ziet u ook wie het dossier heeft bekeken, wanneer, welk deel en waarom (AVG artikel 15; NEN 7513).',
    basis: [Citation.avg_15],
  };
}

function lineOf(r: PortalLogRow, scope: PortalScope, reviews: Awaited<ReturnType<typeof emergencyReviewsOfClient>>): PortalLogLine {
  const portal = r.employee_role?.startsWith('portal-') === true;
  const own = portal && r.employee_id === scope.account.id;
  const who = own
    ? { name: 'U zelf', function: 'Via het portaal' }
    : portal
      ? { name: r.portal_name ?? 'Iemand via het portaal', function: r.portal_relation_id === null ? 'De cliënt, via het portaal' : 'Familie of vertegenwoordiger, via het portaal' }
      : r.employee_id === null
        ? { name: 'Het systeem', function: 'Automatische taak' }
        : { name: r.employee_name ?? 'Een medewerker', function: r.function_title ?? label(ROLES, r.employee_role ?? '', 'Medewerker') };
  const denied = r.outcome !== 'allowed';
  const action = label(ACCESS_ACTIONS, r.action, label(PORTAL_ACTIONS, r.action, 'Iets gedaan in het dossier'));
  let emergency: PortalLogLine['emergency'] = null;
  if (r.basis === 'emergency' && r.employee_id !== null) {
    const grant = [...reviews].reverse().find((g) => g.employee_id === r.employee_id && g.started_at <= r.occurred_at);
    const reviewed = grant?.reviewed_at !== null && grant?.reviewed_at !== undefined;
    const justified = reviewed ? grant.justified : null;
    emergency = {
      reviewed, justified,
      outcome: !reviewed
        ? 'Noodtoegang. De functionaris gegevensbescherming beoordeelt nog of dit terecht was.'
        : justified === true
          ? 'Noodtoegang. De functionaris gegevensbescherming heeft beoordeeld: dit was terecht.'
          : 'Noodtoegang. De functionaris gegevensbescherming heeft beoordeeld: dit was niet terecht. Dit wordt behandeld als een mogelijk datalek.',
    };
  }
  return {
    seq: r.seq, at: r.occurred_at.toISOString(), atText: momentInWords(r.occurred_at), who,
    what: label(PARTS, r.part, label(EXTRA_PARTS, r.part, 'Het dossier')),
    action: denied ? `Geweigerd: ${action.charAt(0).toLowerCase()}${action.slice(1)}` : action,
    basis: label(ACCESS_BASES, r.basis, denied ? 'Geen grondslag' : 'Wettelijke grondslag'),
    count: 1, emergency,
  };
}

/** The Dutch name of what the person is, for the portal's header. */
export function readerRole(actor: Actor): string {
  const name = actorName[actor];
  return name.charAt(0).toUpperCase() + name.slice(1);
}
