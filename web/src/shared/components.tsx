/** Shared building blocks: refusals with their articles, form fields, progress, links. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { download, newProgressId, toProblem, type Problem, type ServerProgress } from './api';
import { followProgress } from './api-client';
import { navigate } from './router';

/** Shows a refusal or error: the engine's Dutch explanation and the articles it rests on. */
export function ProblemBox({ problem, title }: { problem: Problem | undefined; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem !== undefined) ref.current?.focus();
  }, [problem]);
  if (problem === undefined) return null;
  const heading = title ?? (problem.status === 403 ? 'Dit mag niet' : problem.status === 409 ? 'Dit kan niet' : 'Dit lukte niet');
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref} data-testid="problem">
      <p className="problem-title"><strong>{heading}</strong></p>
      <p className="problem-nl">{problem.nl}</p>
      {problem.errors !== undefined && problem.errors.length > 1 && (
        <ul>{problem.errors.map((e, i) => <li key={i}>{e.nl}</li>)}</ul>
      )}
      {problem.basis !== undefined && problem.basis.length > 0 && (
        <p className="basis">Wettelijke grondslag: <span data-testid="basis">{problem.basis.join('; ')}</span></p>
      )}
    </div>
  );
}

/** Articles of law, as a compact line. */
export function Basis({ basis }: { basis: readonly string[] | null | undefined }) {
  if (basis === null || basis === undefined || basis.length === 0) return null;
  return <p className="basis">Wettelijke grondslag: {basis.join('; ')}</p>;
}

export function Field({ label, hint, hideLabel, children }: {
  label: string; hint?: string; hideLabel?: boolean; children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel === true ? 'sr-only' : undefined}>{label}</label>
      {hint !== undefined && <p className="hint" id={hintId}>{hint}</p>}
      {children(id, hintId)}
    </div>
  );
}

export function Select({ label, value, onChange, options, hint, required, allowEmpty, hideLabel }: {
  label: string; value: string; onChange: (v: string) => void; options: Record<string, string> | [string, string][];
  hint?: string; required?: boolean; allowEmpty?: string; hideLabel?: boolean;
}) {
  const entries = Array.isArray(options) ? options : Object.entries(options);
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })} {...(hideLabel === undefined ? {} : { hideLabel })}>
      {(id, describedBy) => (
        <select id={id} aria-describedby={describedBy} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
          {allowEmpty !== undefined && <option value="">{allowEmpty}</option>}
          {entries.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      )}
    </Field>
  );
}

export function TextInput({ label, value, onChange, hint, type = 'text', required, autoComplete, inputMode }: {
  label: string; value: string; onChange: (v: string) => void; hint?: string; type?: string; required?: boolean;
  autoComplete?: string; inputMode?: 'numeric' | 'text';
}) {
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })}>
      {(id, describedBy) => (
        <input
          id={id}
          aria-describedby={describedBy}
          type={type}
          value={value}
          required={required}
          autoComplete={autoComplete}
          inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextArea({ label, value, onChange, hint, required, rows = 5 }: {
  label: string; value: string; onChange: (v: string) => void; hint?: string; required?: boolean; rows?: number;
}) {
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })}>
      {(id, describedBy) => (
        <textarea id={id} aria-describedby={describedBy} value={value} required={required} rows={rows} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** An in-app link that navigates without reloading. */
export function Link({ to, children, className, current }: { to: string; children: ReactNode; className?: string; current?: boolean }) {
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

export function Loading({ what }: { what: string }) {
  return <p className="loading" role="status">{what} laden…</p>;
}

/** Progress of long work: a real progress bar when the size is known, otherwise an indeterminate one; announced to screen readers. */
export function ProgressBar({ label: text, fraction, detail }: { label: string; fraction: number | undefined; detail?: string }) {
  const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
  return (
    <div className="progress" data-testid="progress">
      <label>
        <span>{text}{percent === undefined ? '' : ` — ${percent}%`}</span>
        {percent === undefined ? <progress /> : <progress max={100} value={percent} />}
      </label>
      <p className="hint" role="status" aria-live="polite">{detail ?? (percent === 100 ? 'Klaar.' : 'Bezig…')}</p>
    </div>
  );
}

const PHASES: Record<ServerProgress['phase'], string> = { read: 'Dossier lezen en afschermen', render: 'Document opmaken', done: 'Versturen' };

/** What the server reports while it makes the export, before the first byte arrives. */
function serverDetail(p: ServerProgress): string {
  return p.total === 0 ? `${PHASES[p.phase]}…` : `${PHASES[p.phase]}: ${p.done} van ${p.total} stukken…`;
}

/** A download button that shows progress (the server's while it makes the file, then the bytes) and any refusal. */
export function DownloadButton({ url, fileName, children }: { url: string; fileName: string; children: ReactNode }) {
  const [state, setState] = useState<{ fraction: number | undefined; bytes: number } | undefined>();
  const [server, setServer] = useState<ServerProgress>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    setProblem(undefined);
    setState(undefined);
    const progressId = newProgressId();
    const stop = followProgress(progressId, setServer);
    try {
      await download(url, fileName, (fraction, bytes) => {
        stop();
        setServer(undefined);
        setState({ fraction, bytes });
      }, progressId);
    } catch (error) {
      setState(undefined);
      setProblem(toProblem(error));
    } finally {
      stop();
      setServer(undefined);
      setBusy(false);
    }
  }
  return (
    <div className="download">
      <button type="button" className="secondary" disabled={busy} onClick={() => void start()}>{children}</button>
      {busy && state === undefined && (
        <ProgressBar
          label={`Maken: ${fileName}`}
          fraction={server === undefined || server.total === 0 ? undefined : (server.phase === 'read' ? 0 : 0.5) + (server.done / server.total) / 2}
          detail={server === undefined ? 'Bezig…' : serverDetail(server)}
        />
      )}
      {state !== undefined && (
        <ProgressBar
          label={`Downloaden: ${fileName}`}
          fraction={state.fraction}
          detail={state.fraction === 1 && !busy ? `Klaar: ${Math.max(1, Math.round(state.bytes / 1024))} kB gedownload.` : `${Math.round(state.bytes / 1024)} kB ontvangen…`}
        />
      )}
      <ProblemBox problem={problem} />
    </div>
  );
}

/** A form that sends once, shows refusals and calls `onDone` with the answer. */
export function useSubmit<T>(action: () => Promise<T>, onDone?: (value: T) => void) {
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
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, setProblem, submit };
}

/**
 * A one-click action that cannot be undone asks first, in place (issue 15): the first click shows the question with
 * a button that does it (and takes the focus); "Annuleren" goes back and returns the focus to the first button.
 */
export function ConfirmButton({ children, question, confirm, onConfirm, className = 'secondary', disabled, ariaLabel }: {
  children: ReactNode; question: string; confirm: string; onConfirm: () => void; className?: string; disabled?: boolean; ariaLabel?: string;
}) {
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
    return <button ref={first} type="button" className={className} disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)}>{children}</button>;
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button ref={yes} type="button" className="danger" disabled={disabled} onClick={confirmed}>{confirm}</button>
      <button type="button" className="link-button" onClick={cancelled}>Annuleren</button>
    </span>
  );
}

/**
 * A table wider than a phone scrolls inside its own region, never the page (issue 15: no horizontal scrolling at
 * 390 px); the region takes the keyboard focus so that it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function Wide({ label: text, children }: { label: string; children: ReactNode }) {
  return <div className="wide" role="region" aria-label={text} tabIndex={0}>{children}</div>;
}
