/**
 * `dossierwijzer explain`: asks the rules engine one question and prints its
 * decision, basis and Dutch explanation. The CLI may read the clock (`--on`
 * defaults to today); the rules never do.
 *
 *   dossierwijzer explain --actor parent-with-custody --action inspect --born 2012-03-01 [--on YYYY-MM-DD]
 *       [--part PART] [--fact FACT]... [--not-competent] [--json]
 *   dossierwijzer explain --ask care-consent --born DATE [--on DATE] [--not-competent]
 *   dossierwijzer explain --ask response-deadline --received DATE [--extended]
 *   dossierwijzer explain --ask appeal-deadline --answered DATE
 *   dossierwijzer explain --ask destruction-deadline --received DATE
 *   dossierwijzer explain --ask retention-until --last-change DATE [--fact needed-for-procedure]
 *   dossierwijzer explain --ask general-information --actor ACTOR|PERSON --born DATE [--person SPEC]... [--fact FACT]...
 *   dossierwijzer explain --ask request-deadlines --received DATE [--notified DATE [--reasons]] [--decided DATE [--answer-received DATE]]
 *   dossierwijzer explain --ask holidays --year YYYY
 *   dossierwijzer explain --ask retention --last-change DATE [--born DATE] [--term-years N | --term-age N [--term-born DATE]]
 *       [--good-care-until DATE] [--fact needed-for-procedure]
 *   dossierwijzer explain --ask request-kind --kind KIND --actor ACTOR|PERSON --born DATE [as decide, without --action]
 *   dossierwijzer explain --ask standing --actor PERSON --person SPEC... --born DATE [--on DATE] [--not-competent]
 *   dossierwijzer explain --ask statutory-disclosure --ground GROUND [--part PART]
 * `request-kind`, `standing` and `statutory-disclosure` are questions of the product, not of the conformance formats,
 * so they are words of this command only (not of the rules' `Question`).
 * A person (`--person`, repeatable) is `id=ID,relation=RELATION[,custody=KIND][,from=DATE][,to=DATE]`;
 * `--actor` may name a person's id. `--deceased DATE` records the client's death.
 */
import { parseArgs } from 'node:util';
import {
  Action, Actor, CustodyKind, Fact, Part, Question, Relation, RequestKindWord, RetentionFact, StatutoryBasis,
  appealDeadline, careConsent, compareDates, decide, decideRequestKind, decideStatutoryDisclosure, destructionDeadline, formatIsoDate,
  generalInformation, holidayDatesOf, holidaysOf, isWordOf, parseIsoDate, personStandingOn, requestDeadlines, responseDeadline, retention,
  retentionUntil, standingBasis, standingLabel, standingSentence, wordsOf,
  type Decision, type IsoDate, type Person, type PersonRef, type RetentionTerm,
} from '../rules/index.js';
import { Citation } from '../rules/citations.js';
import type { Command } from './command.js';

const list = (words: readonly string[]): string => words.join(', ');

/** The questions of this command: the rules' `Question`s plus the product's own (issue 16). */
const Ask = {
  ...Question,
  /** Who may make a request of this kind (`decideRequestKind`): AVG 18, 20, 21 and 7(3) each have their own entitlement. */
  requestKind: 'request-kind',
  /** What a person is on the day (`standingLabel`): custody, representative of an adult (BW 7:465 lid 3), or neither. */
  standing: 'standing',
  /** May this part be disclosed on this statutory ground, such as statistics (`decideStatutoryDisclosure`). */
  statutoryDisclosure: 'statutory-disclosure',
} as const;

const usage = `Usage: dossierwijzer explain [--ask QUESTION] [options]

Questions (--ask, default decide): ${list(wordsOf(Ask))}

decide:               --actor ACTOR|PERSON --action ACTION --born DATE [--on DATE] [--part PART] [--fact FACT]...
                      [--not-competent] [--deceased DATE] [--person SPEC]...
care-consent:         --born DATE [--on DATE] [--not-competent]
general-information:  --actor ACTOR|PERSON --born DATE [--on DATE] [--fact FACT]... [--not-competent] [--person SPEC]...
response-deadline:    --received DATE [--extended]
appeal-deadline:      --answered DATE   (the day the client received the answer)
request-deadlines:    --received DATE [--notified DATE [--reasons]] [--decided DATE [--answer-received DATE]]
destruction-deadline: --received DATE
retention-until:      --last-change DATE [--fact needed-for-procedure]
retention:            --last-change DATE [--born DATE] [--term-years N | --term-age N [--term-born DATE]]
                      [--good-care-until DATE] [--fact needed-for-procedure]
holidays:             --year YYYY
request-kind:         --kind KIND --actor ACTOR|PERSON --born DATE [--on DATE] [--part PART] [--fact FACT]...
                      [--not-competent] [--deceased DATE] [--person SPEC]...
standing:             --actor PERSON --person SPEC... --born DATE [--on DATE] [--not-competent]
statutory-disclosure: --ground GROUND [--part PART]
Any question:         --json prints the engine's full answer as JSON.

A person (--person, repeatable): id=ID,relation=RELATION[,custody=KIND][,from=DATE][,to=DATE]
Relations: ${list(wordsOf(Relation))}
Custody:   ${list(wordsOf(CustodyKind))}

Dates are YYYY-MM-DD; --on defaults to today.
Actors:  ${list(wordsOf(Actor))}
Actions: ${list(wordsOf(Action))}
Parts:   ${list(wordsOf(Part))}
Facts:   ${list(wordsOf(Fact))}
Kinds:   ${list(wordsOf(RequestKindWord))}
Grounds: ${list(wordsOf(StatutoryBasis))}
`;

class UsageError extends Error {}

function today(): IsoDate {
  const now = new Date();
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

function requireDate(name: string, value: string | undefined): IsoDate {
  if (value === undefined) throw new UsageError(`--${name} is required (YYYY-MM-DD).`);
  if (parseIsoDate(value) === undefined) throw new UsageError(`--${name} must be a real date written YYYY-MM-DD, got "${value}".`);
  return value;
}

function requireWord<T extends string>(name: string, value: string | undefined, vocabulary: Readonly<Record<string, T>>): T {
  if (value === undefined) throw new UsageError(`--${name} is required; allowed: ${list(wordsOf(vocabulary))}.`);
  if (!isWordOf(vocabulary, value)) throw new UsageError(`Unknown ${name} "${value}"; allowed: ${list(wordsOf(vocabulary))}.`);
  return value;
}

function wordsFrom<T extends string>(name: string, values: readonly string[], vocabulary: Readonly<Record<string, T>>): T[] {
  return values.map((v) => requireWord(name, v, vocabulary));
}

function optionalDate(name: string, value: string | undefined): IsoDate | undefined {
  return value === undefined ? undefined : requireDate(name, value);
}

function wholeNumber(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value ?? ''}".`);
  return Number(value);
}

/** `id=ID,relation=RELATION[,custody=KIND][,from=DATE][,to=DATE]`. */
function personOf(spec: string): Person {
  const fields = new Map<string, string>();
  for (const pair of spec.split(',')) {
    const [key, value, ...rest] = pair.split('=');
    if (key === undefined || value === undefined || rest.length > 0 || !['id', 'relation', 'custody', 'from', 'to'].includes(key)) {
      throw new UsageError(`--person "${spec}": write id=ID,relation=RELATION[,custody=KIND][,from=DATE][,to=DATE].`);
    }
    fields.set(key, value);
  }
  const id = fields.get('id');
  if (id === undefined || !/^[a-z][a-z0-9-]*$/.test(id) || isWordOf(Actor, id)) {
    throw new UsageError(`--person "${spec}": id must be lowercase letters, digits and "-", not an actor word.`);
  }
  const custody = fields.get('custody');
  const from = optionalDate('person from', fields.get('from'));
  const to = optionalDate('person to', fields.get('to'));
  return {
    id,
    relation: requireWord('relation', fields.get('relation'), Relation),
    ...(custody === undefined ? {} : { custody: requireWord('custody', custody, CustodyKind) }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

function actorOf(value: string | undefined, persons: readonly Person[]): Actor | PersonRef {
  const person = persons.find((p) => p.id === value);
  if (person !== undefined) return { person: person.id };
  return requireWord('actor', value, Actor);
}

interface Printable {
  readonly head: string;
  readonly basis: readonly string[];
  readonly explanation: string;
  readonly answer: unknown;
}

function clientOf(born: IsoDate, on: IsoDate, notCompetent: boolean): { born: IsoDate; competent: boolean } {
  const bornDate = parseIsoDate(born);
  const onDate = parseIsoDate(on);
  if (bornDate !== undefined && onDate !== undefined && compareDates(onDate, bornDate) < 0) {
    throw new UsageError(`--on ${on} lies before --born ${born}.`);
  }
  return { born, competent: !notCompetent };
}

function explain(args: string[]): number {
  const options = {
    'ask': { type: 'string' },
    'actor': { type: 'string' },
    'action': { type: 'string' },
    'part': { type: 'string' },
    'fact': { type: 'string', multiple: true },
    'born': { type: 'string' },
    'on': { type: 'string' },
    'not-competent': { type: 'boolean' },
    'received': { type: 'string' },
    'answered': { type: 'string' },
    'last-change': { type: 'string' },
    'extended': { type: 'boolean' },
    'person': { type: 'string', multiple: true },
    'deceased': { type: 'string' },
    'notified': { type: 'string' },
    'reasons': { type: 'boolean' },
    'decided': { type: 'string' },
    'answer-received': { type: 'string' },
    'year': { type: 'string' },
    'term-years': { type: 'string' },
    'term-age': { type: 'string' },
    'term-born': { type: 'string' },
    'good-care-until': { type: 'string' },
    'kind': { type: 'string' },
    'ground': { type: 'string' },
    'json': { type: 'boolean' },
    'help': { type: 'boolean', short: 'h' },
  } as const;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args, options, allowPositionals: false });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const v = parsed.values;
    if (v.help === true) {
      process.stdout.write(usage);
      return 0;
    }
    const ask = v.ask === undefined ? Ask.decide : requireWord('ask', v.ask, Ask);
    const facts = v.fact ?? [];
    const on = v.on === undefined ? today() : requireDate('on', v.on);
    const persons = (v.person ?? []).map(personOf);
    let out: Printable;
    const decisionOut = (d: Decision): Printable => {
      const head = d.outcome === 'needs-consent' ? `${d.outcome} (consent of: ${d.consentOf.join(', ')})` : d.outcome;
      return { head: `decision: ${head}`, basis: d.basis, explanation: d.explanation, answer: d };
    };
    const question = () => {
      const deceased = optionalDate('deceased', v.deceased);
      return {
        on,
        client: { ...clientOf(requireDate('born', v.born), on, v['not-competent'] === true), ...(deceased === undefined ? {} : { deceased }) },
        persons,
        actor: actorOf(v.actor, persons),
        part: v.part === undefined ? Part.dossier : requireWord('part', v.part, Part),
        facts: wordsFrom('fact', facts, Fact),
      };
    };
    switch (ask) {
      case Ask.decide: {
        out = decisionOut(decide({ ...question(), action: requireWord('action', v.action, Action) }));
        break;
      }
      case Ask.requestKind: {
        out = decisionOut(decideRequestKind({ ...question(), kind: requireWord('kind', v.kind, RequestKindWord) }));
        break;
      }
      case Ask.standing: {
        const person = persons.find((p) => p.id === v.actor);
        if (person === undefined) throw new UsageError('--actor must name one of the --person ids.');
        const client = clientOf(requireDate('born', v.born), on, v['not-competent'] === true);
        const standing = personStandingOn(person, persons, client, on);
        out = {
          head: `standing: ${standing.kind} (${standingLabel(standing)})`, basis: standingBasis(standing), explanation: standingSentence(standing),
          answer: { ...standing, label: standingLabel(standing) },
        };
        break;
      }
      case Ask.statutoryDisclosure: {
        out = decisionOut(decideStatutoryDisclosure({
          basis: requireWord('ground', v.ground, StatutoryBasis),
          part: v.part === undefined ? Part.dossier : requireWord('part', v.part, Part),
        }));
        break;
      }
      case Ask.careConsent: {
        const a = careConsent({ on, client: clientOf(requireDate('born', v.born), on, v['not-competent'] === true) });
        out = { head: `consent of: ${a.consentOf.join(', ')}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Ask.responseDeadline: {
        const extended = v.extended === true || facts.includes('extended');
        const a = responseDeadline({ received: requireDate('received', v.received), extended });
        out = { head: `deadline: ${a.date}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Ask.appealDeadline: {
        const a = appealDeadline({ answered: requireDate('answered', v.answered) });
        out = { head: `deadline: ${a.date}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Ask.destructionDeadline: {
        const a = destructionDeadline({ received: requireDate('received', v.received) });
        out = { head: `deadline: ${a.date}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Ask.generalInformation: {
        const a = generalInformation({
          on, client: clientOf(requireDate('born', v.born), on, v['not-competent'] === true), persons, actor: actorOf(v.actor, persons),
          facts: wordsFrom('fact', facts, Fact),
        });
        out = { head: `general information: ${a.items.length === 0 ? '(none)' : a.items.join(', ')}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Ask.requestDeadlines: {
        const notified = optionalDate('notified', v.notified);
        const decided = optionalDate('decided', v.decided);
        const answerReceived = optionalDate('answer-received', v['answer-received']);
        if (answerReceived !== undefined && decided === undefined) throw new UsageError('--answer-received needs --decided.');
        const a = requestDeadlines({
          received: requireDate('received', v.received),
          ...(notified === undefined ? {} : { extension: { notified, reasons: v.reasons === true } }),
          ...(decided === undefined ? {} : { decided }),
          ...(answerReceived === undefined ? {} : { answerReceived }),
        });
        out = {
          head: `decision deadline: ${a.decisionDeadline}${a.extended ? ' (extended)' : ''}\nappeal deadline: ${a.appealDeadline ?? 'none (no answer received yet, or the answer was late: no time limit)'}`,
          basis: a.basis, explanation: a.explanation, answer: a,
        };
        break;
      }
      case Ask.holidays: {
        const year = wholeNumber('year', v.year);
        if (year < 1 || year > 9999) throw new UsageError('--year must lie between 1 and 9999.');
        const days = holidaysOf(year);
        out = {
          head: `holidays: ${holidayDatesOf(year).join(', ')}`,
          basis: [Citation.atw_3],
          explanation: days.map((h) => `${formatIsoDate(h.date)} ${h.name} (${h.source})`).join('; '),
          answer: days.map((h) => ({ date: formatIsoDate(h.date), name: h.name, source: h.source })),
        };
        break;
      }
      case Ask.retention: {
        let term: RetentionTerm | undefined;
        if (v['term-years'] !== undefined && v['term-age'] !== undefined) throw new UsageError('Give --term-years or --term-age, not both.');
        if (v['term-years'] !== undefined) term = { kind: 'years-after-last-change', years: wholeNumber('term-years', v['term-years']) };
        if (v['term-age'] !== undefined) {
          const termBorn = optionalDate('term-born', v['term-born']);
          term = { kind: 'until-age', age: wholeNumber('term-age', v['term-age']), ...(termBorn === undefined ? {} : { born: termBorn }) };
          if (termBorn === undefined && v.born === undefined) throw new UsageError('--term-age needs --born or --term-born.');
        }
        const born = optionalDate('born', v.born);
        const goodCareUntil = optionalDate('good-care-until', v['good-care-until']);
        const a = retention({
          lastChange: requireDate('last-change', v['last-change']),
          ...(born === undefined ? {} : { client: { born } }),
          ...(term === undefined ? {} : { term }),
          ...(goodCareUntil === undefined ? {} : { goodCareUntil }),
          facts: wordsFrom('fact', facts, RetentionFact),
        });
        out = { head: `keep until: ${a.until ?? 'no end date (null)'}${a.warning ? '\nwarning: the organisation\'s term ends before the legal minimum' : ''}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Ask.retentionUntil: {
        const a = retentionUntil({ lastChange: requireDate('last-change', v['last-change']), facts: wordsFrom('fact', facts, RetentionFact) });
        out = { head: `keep until: ${a.until ?? 'no end date (null)'}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
    }
    process.stdout.write(v.json === true
      ? `${JSON.stringify(out.answer, null, 2)}\n`
      : `${out.head}\nbasis: ${out.basis.join(', ')}\nuitleg: ${out.explanation}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError) {
      process.stderr.write(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

/** The `explain` subcommand; synchronous work wrapped for the `Command` signature. */
export const explainCommand: Command = (args) => Promise.resolve(explain(args));
