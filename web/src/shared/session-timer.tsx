/**
 * The session's idle timeout, seen from the browser (issue 15): a warning two
 * minutes before the session ends ("Typt u nog? Dan blijft u ingelogd."),
 * typing counts as activity, and once the time is up the log-in page comes
 * (a draft that could not be saved is kept and saved after the log-in, drafts.ts).
 *
 * The server counts a session idle from its last request, but writes that
 * moment at most every 30 s (src/auth/sessions.ts), so the browser reckons
 * from its last answered request minus that margin: the warning comes early
 * rather than late.
 */
import { useEffect, useRef, useState } from 'react';
import { onServerActivity } from './api';
import { dataOf, server } from './api-client';
import { flushPendingDrafts, setDraftOwner } from './drafts';

/** How late the server may note a request (TOUCH_AFTER_MS in src/auth/sessions.ts). */
const SERVER_MARGIN_MS = 30_000;
/** How long before the end the warning comes (less when the idle timeout itself is short). */
const WARN_BEFORE_MS = 120_000;
/** Typing pings the server at most this often. */
const PING_EVERY_MS = 20_000;

/** A quiet request that keeps the session alive (any answered request does) and says how long it may stay idle. */
const askTimeout = () => dataOf(server.GET('/api/session/timeout'));

function inWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 2) return `${minutes} minuten`;
  if (minutes === 1) return '1 minuut';
  return 'minder dan een minuut';
}

export function SessionTimer({ employeeId, role }: { employeeId: string; role: string }) {
  const [idleMs, setIdleMs] = useState<number>();
  const [left, setLeft] = useState<number>();
  const lastRequest = useRef(0);
  const checked = useRef(false);

  // Before the pages below render (they ask whether to load drafts); idempotent.
  setDraftOwner(employeeId, role);
  useEffect(() => {
    lastRequest.current = Date.now();
    void flushPendingDrafts();
    askTimeout().then((t) => setIdleMs(t.idleMinutes * 60_000), () => undefined);
  }, [employeeId]);

  useEffect(() => onServerActivity(() => {
    lastRequest.current = Date.now();
    checked.current = false;
    setLeft(undefined);
  }), []);

  useEffect(() => {
    if (idleMs === undefined) return undefined;
    const ping = () => askTimeout().catch(() => undefined);
    // Typing anywhere counts as activity: a quiet request now and then keeps the session alive.
    const onInput = () => {
      if (Date.now() - lastRequest.current > PING_EVERY_MS) void ping();
    };
    document.addEventListener('input', onInput, true);
    const tick = setInterval(() => {
      const elapsed = Date.now() - lastRequest.current;
      const safe = idleMs - SERVER_MARGIN_MS;
      const warnAt = safe - Math.min(WARN_BEFORE_MS, safe / 2);
      if (elapsed >= idleMs + 2_000) {
        // Surely over: ask once, and the 401 shows the log-in page (App listens for it).
        if (!checked.current) {
          checked.current = true;
          void dataOf(server.GET('/api/auth/me')).catch(() => undefined);
        }
      } else if (elapsed >= warnAt) {
        setLeft(Math.max(0, safe - elapsed));
      }
    }, 1_000);
    return () => {
      document.removeEventListener('input', onInput, true);
      clearInterval(tick);
    };
  }, [idleMs]);

  if (left === undefined) return null;
  return (
    <div className="session-warning" role="alertdialog" aria-labelledby="session-warning-text" data-testid="session-warning">
      <p id="session-warning-text">U wordt over {inWords(left)} uitgelogd. Typt u nog? Dan blijft u ingelogd.</p>
      <button type="button" onClick={() => void askTimeout().catch(() => undefined)}>Ingelogd blijven</button>
    </div>
  );
}
