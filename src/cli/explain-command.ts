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
 */
import { parseArgs } from 'node:util';
import {
  Action, Actor, Fact, Part, Question, RetentionFact,
  appealDeadline, careConsent, compareDates, decide, destructionDeadline, formatIsoDate, isWordOf, parseIsoDate,
  responseDeadline, retentionUntil, wordsOf,
  type IsoDate,
} from '../rules/index.js';
import type { Command } from './command.js';

const list = (words: readonly string[]): string => words.join(', ');

const usage = `Usage: dossierwijzer explain [--ask QUESTION] [options]

Questions (--ask, default decide): ${list(wordsOf(Question))}

decide:               --actor ACTOR --action ACTION --born DATE [--on DATE] [--part PART] [--fact FACT]... [--not-competent]
care-consent:         --born DATE [--on DATE] [--not-competent]
response-deadline:    --received DATE [--extended]
appeal-deadline:      --answered DATE
destruction-deadline: --received DATE
retention-until:      --last-change DATE [--fact needed-for-procedure|good-care-requires-keeping]
Any question:         --json prints the engine's full answer as JSON.

Dates are YYYY-MM-DD; --on defaults to today.
Actors:  ${list(wordsOf(Actor))}
Actions: ${list(wordsOf(Action))}
Parts:   ${list(wordsOf(Part))}
Facts:   ${list(wordsOf(Fact))}
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
    const ask = v.ask === undefined ? Question.decide : requireWord('ask', v.ask, Question);
    const facts = v.fact ?? [];
    const on = v.on === undefined ? today() : requireDate('on', v.on);
    let out: Printable;
    switch (ask) {
      case Question.decide: {
        const d = decide({
          on,
          client: clientOf(requireDate('born', v.born), on, v['not-competent'] === true),
          actor: requireWord('actor', v.actor, Actor),
          action: requireWord('action', v.action, Action),
          part: v.part === undefined ? Part.dossier : requireWord('part', v.part, Part),
          facts: wordsFrom('fact', facts, Fact),
        });
        const head = d.outcome === 'needs-consent' ? `${d.outcome} (consent of: ${d.consentOf.join(', ')})` : d.outcome;
        out = { head: `decision: ${head}`, basis: d.basis, explanation: d.explanation, answer: d };
        break;
      }
      case Question.careConsent: {
        const a = careConsent({ on, client: clientOf(requireDate('born', v.born), on, v['not-competent'] === true) });
        out = { head: `consent of: ${a.consentOf.join(', ')}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Question.responseDeadline: {
        const extended = v.extended === true || facts.includes('extended');
        const a = responseDeadline({ received: requireDate('received', v.received), extended });
        out = { head: `deadline: ${a.date}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Question.appealDeadline: {
        const a = appealDeadline({ answered: requireDate('answered', v.answered) });
        out = { head: `deadline: ${a.date}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Question.destructionDeadline: {
        const a = destructionDeadline({ received: requireDate('received', v.received) });
        out = { head: `deadline: ${a.date}`, basis: a.basis, explanation: a.explanation, answer: a };
        break;
      }
      case Question.retentionUntil: {
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
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

/** The `explain` subcommand; synchronous work wrapped for the `Command` signature. */
export const explainCommand: Command = (args) => Promise.resolve(explain(args));
