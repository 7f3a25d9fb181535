// Progress for the weekly batch. On a terminal: a bar fitted to the terminal's width with the
// percentage, the rate and the time left (cli-progress), coloured unless NO_COLOR. Elsewhere (CI,
// logs): a plain line at most every `every` ms and at the end, plus one line for each failure —
// a log that shows the build moving without one line per image.
import cliProgress from 'cli-progress';

export interface Progress {
  /** one job finished; `ok` false prints a failure line in plain mode */
  tick(label: string, ok: boolean): void;
  done(): void;
}

export interface ProgressOptions {
  isTTY?: boolean;
  write(s: string): unknown;
  /** colour (a terminal without NO_COLOR) */
  color?: boolean;
  /** terminal width; default 80 */
  columns?: number;
  /** plain mode: the shortest time between two progress lines, ms; default 10 000 */
  every?: number;
  /** for tests */
  now?: () => number;
}

/** `95s` → `1m35s` */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The plain line: `wendu build: 120/867 (14%) · 8.1 images/s · about 1m32s left` */
export function plainLine(n: number, total: number, elapsedMs: number): string {
  const pct = total ? Math.floor((n / total) * 100) : 100;
  const rate = elapsedMs > 0 ? (n * 1000) / elapsedMs : 0;
  const left = n >= total ? 'done' : rate > 0 ? `about ${duration((total - n) / rate)} left` : 'estimating';
  return `wendu build: ${n}/${total} (${pct}%) · ${rate.toFixed(1)} jobs/s · ${left}`;
}

export function progress(total: number, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  let n = 0;
  if (options.isTTY) {
    const columns = options.columns ?? 80;
    const c = (code: number, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[39m` : s);
    // what is not the bar takes about 48 columns plus the label; the bar gets the rest, 10–40
    const barsize = Math.max(10, Math.min(40, columns - 62));
    const stream = { isTTY: true, columns, write: (s: string) => options.write(s) } as unknown as NodeJS.WritableStream;
    const bar = new cliProgress.SingleBar(
      {
        stream,
        barsize,
        format: `${c(36, '{bar}')} {percentage}% {value}/{total} · {rate}/s · {eta_formatted} left · {label}`,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        hideCursor: false,
        clearOnComplete: true,
        linewrap: false,
        fps: 8,
        etaBuffer: 20,
        noTTYOutput: false,
        forceRedraw: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0.0', label: '' });
    return {
      tick(label) {
        n++;
        const secs = (now() - started) / 1000;
        // the label is cut to what is left of the line, so the bar never wraps
        const room = Math.max(0, columns - barsize - 50);
        bar.update(n, { rate: (secs > 0 ? n / secs : 0).toFixed(1), label: label.length > room ? `${label.slice(0, Math.max(0, room - 1))}…` : label });
      },
      done() {
        bar.stop();
      },
    };
  }
  const every = options.every ?? 10_000;
  let last = started;
  return {
    tick(label, ok) {
      n++;
      if (!ok) options.write(`wendu build: FAILED ${label}\n`);
      const t = now();
      if (t - last >= every && n < total) {
        last = t;
        options.write(`${plainLine(n, total, t - started)}\n`);
      }
    },
    done() {
      options.write(`${plainLine(n, total, now() - started)}\n`);
    },
  };
}
