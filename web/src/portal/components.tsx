/**
 * The portal's building blocks, worded from the catalogue: a refusal with the engine's explanation and its
 * articles, the notice beside anything withheld, loading and sending. Form fields are the staff app's
 * (../components.tsx: Field, TextInput, TextArea, Select take their label from the caller).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { navigate } from '../shared/router';
import { problemFrom, type Problem } from './portal-api';
import { useLanguage, useTexts, type Language, type Texts } from './texts/catalogue';

/** The engine's explanation in the chosen language: English where the server gave one, else its Dutch. */
export function explanationOf(problem: Pick<Problem, 'nl' | 'en'>, language: string): string {
  return language === 'en' && problem.en !== undefined && problem.en !== '' ? problem.en : problem.nl;
}

function problemText(t: Texts, problem: Problem, language: string): string {
  if (problem.code === 'unreachable') return t.common.unreachable;
  if (problem.code === 'unexpected') return t.common.unexpected;
  if (problem.nl === '') return t.common.serverAnswer(problem.status);
  return explanationOf(problem, language);
}

/** A refusal or error: the engine's explanation and the articles it rests on; takes the focus when it appears. */
export function PortalProblem({ problem, title }: { problem: Problem | undefined; title?: string }) {
  const { t, language } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem !== undefined) ref.current?.focus();
  }, [problem]);
  if (problem === undefined) return null;
  const heading = title ?? (problem.status === 403 ? t.common.problemForbidden : problem.status === 409 ? t.common.problemConflict : t.common.problemOther);
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref} data-testid="problem">
      <p className="problem-title"><strong>{heading}</strong></p>
      <p>{problemText(t, problem, language)}</p>
      {problem.errors !== undefined && problem.errors.length > 1 && language === 'nl' && <ul>{problem.errors.map((e, i) => <li key={i}>{e.nl}</li>)}</ul>}
      <BasisLine basis={problem.basis} />
    </div>
  );
}

/** The articles of law an answer rests on, as one line. */
export function BasisLine({ basis }: { basis: readonly string[] | null | undefined }) {
  const t = useTexts();
  if (basis === null || basis === undefined || basis.length === 0) return null;
  return <p className="basis">{t.common.basis}: <span data-testid="basis">{basis.join('; ')}</span></p>;
}

/** What the engine withholds from this reader, with its explanation beside it (issue 19 item 2/7). */
export function WithheldNotice({ title, explanation, basis, testId = 'withheld' }: {
  title: string; explanation: { nl: string; en?: string } | string | null | undefined; basis?: readonly string[] | null; testId?: string;
}) {
  const { t, language } = useLanguage();
  const text = explanation === null || explanation === undefined ? '' : typeof explanation === 'string' ? explanation : explanationOf(explanation, language);
  return (
    <div className="portal-withheld" data-testid={testId}>
      <p className="portal-withheld-title"><span aria-hidden="true" className="portal-icon">⊘</span> <strong>{title}</strong></p>
      {text !== '' && <p><span className="portal-why">{t.dossier.why}</span> {text}</p>}
      <BasisLine basis={basis} />
    </div>
  );
}

export function PortalLoading({ what }: { what: string }) {
  const t = useTexts();
  return <p className="loading" role="status">{t.common.loading(what)}</p>;
}

/** A form that sends once, shows refusals and calls `onDone` with the answer. */
export function usePortalSubmit<T>(action: () => Promise<T>, onDone?: (value: T) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  async function submit(e?: { preventDefault(): void }) {
    e?.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const value = await action();
      onDone?.(value);
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, setProblem, submit };
}

/** An in-portal link that navigates without reloading. */
export function PortalLink({ to, children, className, current }: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  return (
    <a
      href={to}
      className={className}
      aria-current={current === true ? 'page' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >{children}
    </a>
  );
}

/** A success line announced to screen readers. */
export function Done({ children }: { children: ReactNode }) {
  return <p className="ok" role="status">{children}</p>;
}

/** The language switch: names the other language in that language (and marks it so for screen readers). */
export function LanguageSwitch() {
  const { t, setLanguage } = useLanguage();
  const other = t.shell.switchToLang as Language;
  return (
    <button type="button" className="link-button portal-lang" lang={other} aria-label={t.shell.switchLabel} onClick={() => setLanguage(other)} data-testid="language-switch">
      {t.shell.switchTo}
    </button>
  );
}

/**
 * A text the server wrote in Dutch (an entry, the engine's explanation, a label it chose): marked as Dutch when the
 * page is in another language, so a screen reader pronounces it right (WCAG 3.1.2).
 */
export function Dutch({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return language === 'nl' ? <>{children}</> : <span lang="nl">{children}</span>;
}

/**
 * A one-click action that cannot be undone asks first, in place (as the staff app's ConfirmButton, worded from the
 * catalogue): the question takes the focus; cancelling gives it back.
 */
export function PortalConfirm({ children, question, confirm, onConfirm, disabled, ariaLabel }: {
  children: ReactNode; question: string; confirm: string; onConfirm: () => void; disabled?: boolean; ariaLabel?: string;
}) {
  const t = useTexts();
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus.current) first.current?.focus();
  }, [asking]);
  const confirmed = () => {
    setAsking(false);
    onConfirm();
  };
  const cancelled = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  if (!asking) {
    return <button ref={first} type="button" className="secondary" disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)}>{children}</button>;
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button ref={yes} type="button" className="danger" disabled={disabled} onClick={confirmed}>{confirm}</button>
      <button type="button" className="link-button" onClick={cancelled}>{t.common.cancel}</button>
    </span>
  );
}
