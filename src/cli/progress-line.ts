/**
 * One progress line for the command-line tools and the benchmark (issue 18
 * item 5). On a terminal it redraws a single line in place (at most ~10 times
 * a second) and ends it with a newline when done; in a pipe or a log file,
 * where a `\r` does not redraw anything and each one leaves a fragment, it
 * writes a whole line at most every few seconds, and the last state when done.
 *
 * The first update is always written at once, so whoever watches the output
 * (an operator, or a test that kills the process after the first progress
 * line) sees at once that the work started.
 */

/** Where the line goes: `process.stdout` or `process.stderr`, or anything shaped like them. */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  /** Terminal width; a redrawn line is cut to fit, since a wrapped line cannot be redrawn in place. */
  readonly columns?: number | undefined;
  write(text: string): unknown;
}

export interface ProgressLineOptions {
  stream: ProgressStream;
  /** Milliseconds from any fixed point; injected by tests. Default `performance.now()`. */
  now?: (() => number) | undefined;
  /** Not on a terminal: seconds between written lines (default 5). */
  everySeconds?: number | undefined;
  /** On a terminal: redraws per second at most (default 10). */
  redrawsPerSecond?: number | undefined;
}

export interface ProgressLine {
  /** The current state; written now or later, as the throttle allows. */
  update(text: string): void;
  /**
   * Writes the last state (or `text`) if it was not written yet and ends the
   * line. The same object may then show a new line (a next phase).
   */
  done(text?: string): void;
}

const CLEAR_TO_END_OF_LINE = '\x1b[K';

/**
 * @example
 * const progress = progressLine({ stream: process.stderr });
 * for (const batch of batches) progress.update(`scanned ${n} dossiers`);
 * progress.done();
 */
export function progressLine(options: ProgressLineOptions): ProgressLine {
  const { stream } = options;
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const intervalMs = tty ? 1000 / (options.redrawsPerSecond ?? 10) : (options.everySeconds ?? 5) * 1000;
  /** When the last line was written; undefined while nothing of this line was. */
  let writtenAt: number | undefined;
  let pending: string | undefined;

  const fit = (text: string) => (stream.columns !== undefined && stream.columns > 1 ? text.slice(0, stream.columns - 1) : text);
  const write = (text: string, end: boolean) => {
    if (tty) stream.write(`\r${fit(text)}${CLEAR_TO_END_OF_LINE}${end ? '\n' : ''}`);
    else stream.write(`${text}\n`);
  };

  return {
    update(text) {
      const at = now();
      if (writtenAt !== undefined && at - writtenAt < intervalMs) {
        pending = text;
        return;
      }
      write(text, false);
      writtenAt = at;
      pending = undefined;
    },
    done(text) {
      const last = text ?? pending;
      if (last !== undefined) write(last, true);
      // On a terminal the line drawn last still needs its newline.
      else if (tty && writtenAt !== undefined) stream.write('\n');
      writtenAt = undefined;
      pending = undefined;
    },
  };
}

/**
 * Runs `work` with a progress line on `stream` and ends the line however the
 * work ends, so an error message that follows starts on a line of its own.
 */
export async function withProgressLine<T>(
  stream: ProgressStream, work: (progress: ProgressLine) => Promise<T>, options: Omit<ProgressLineOptions, 'stream'> = {},
): Promise<T> {
  const progress = progressLine({ ...options, stream });
  try {
    return await work(progress);
  } finally {
    progress.done();
  }
}
