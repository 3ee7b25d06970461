/**
 * What a run shows: `show()` and `console.*` turned into protocol events, within the caps
 * (LIMITS) that keep a flood of output from freezing the page; beyond them items are counted,
 * not sent.
 */
import { LIMITS, type LogLevel, type RunEvent } from '../protocol';
import { formatLogArgs, formatTopLevel } from './console-format';
import { inspect } from './inspect';
import { capText } from './text';

/** While output is being dropped, how often the running counts are sent (an endless flood never ends the run). */
const DROPPED_REPORT_MS = 250;

export class Output {
  private shows = 0;
  private logs = 0;
  private droppedShows = 0;
  private droppedLogs = 0;
  private reportedAt = 0;
  private fits = 0;

  constructor(
    private readonly post: (message: RunEvent) => void,
    private readonly runId: number,
  ) {}

  /** The snippet's `show(value, label?)`. */
  readonly show = (value: unknown, label?: unknown): void => {
    if (this.shows >= LIMITS.MAX_SHOWS) {
      this.droppedShows++;
      this.reportDroppedNow();
      return;
    }
    this.shows++;
    const text = label === undefined || label === null ? null : capText(typeof label === 'string' ? label : formatTopLevel(label));
    this.post({ type: 'show', runId: this.runId, label: text, data: inspect(value) });
  };

  private readonly counts = new Map<string, number>();
  private readonly timers = new Map<string, number>();

  /**
   * The snippet's `console` (documented for the editor in ../scope.ts), and tfjs' during the run (`tensor.print()`, `model.summary()` write
   * to the global one): every method a browser console has, each writing lines to the output.
   */
  readonly console = {
    log: (...args: unknown[]) => this.log('log', args),
    info: (...args: unknown[]) => this.log('info', args),
    warn: (...args: unknown[]) => this.log('warn', args),
    error: (...args: unknown[]) => this.log('error', args),
    debug: (...args: unknown[]) => this.log('log', args),
    trace: (...args: unknown[]) => this.log('log', ['Trace:', ...args]),
    dir: (value?: unknown) => this.log('log', [value]),
    dirxml: (...args: unknown[]) => this.log('log', args),
    table: (data?: unknown) => this.log('log', [data]),
    group: (...label: unknown[]) => {
      if (label.length > 0) this.log('log', label);
    },
    groupCollapsed: (...label: unknown[]) => {
      if (label.length > 0) this.log('log', label);
    },
    groupEnd: () => undefined,
    assert: (condition?: unknown, ...args: unknown[]) => {
      if (!condition) this.log('error', ['Assertion failed:', ...args]);
    },
    count: (label: unknown = 'default') => {
      const name = String(label);
      const n = (this.counts.get(name) ?? 0) + 1;
      this.counts.set(name, n);
      this.log('log', [`${name}: ${n}`]);
    },
    countReset: (label: unknown = 'default') => void this.counts.delete(String(label)),
    time: (label: unknown = 'default') => void this.timers.set(String(label), performance.now()),
    timeLog: (label: unknown = 'default', ...args: unknown[]) => this.elapsed(String(label), false, args),
    timeEnd: (label: unknown = 'default') => this.elapsed(String(label), true, []),
  };

  private elapsed(label: string, end: boolean, args: unknown[]): void {
    const started = this.timers.get(label);
    if (started === undefined) return this.log('warn', [`Timer '${label}' does not exist`]);
    if (end) this.timers.delete(label);
    this.log('log', [`${label}: ${(performance.now() - started).toFixed(1)} ms`, ...args]);
  }

  private log(level: LogLevel, args: unknown[]): void {
    if (this.logs >= LIMITS.MAX_LOG_LINES) {
      this.droppedLogs++;
      this.reportDroppedNow();
      return;
    }
    this.logs++;
    this.post({ type: 'log', runId: this.runId, level, text: formatLogArgs(args) });
  }

  /** A new fit call: its id, and where its epochs go. */
  startFit(): (epoch: number, epochs: number, logs: Record<string, number>) => void {
    const fitId = ++this.fits;
    return (epoch, epochs, logs) => this.post({ type: 'fit-epoch', runId: this.runId, fitId, epoch, epochs, logs });
  }

  /** Sends the totals of what was dropped, if anything was. */
  reportDropped(): void {
    if (this.droppedShows > 0 || this.droppedLogs > 0) {
      this.reportedAt = performance.now();
      this.post({ type: 'dropped', runId: this.runId, shows: this.droppedShows, logs: this.droppedLogs });
    }
  }

  /** The running counts, at most every DROPPED_REPORT_MS (the clock is read once per 1024 drops). */
  private reportDroppedNow(): void {
    if ((this.droppedShows + this.droppedLogs) % 1024 !== 0) return;
    if (performance.now() - this.reportedAt >= DROPPED_REPORT_MS) this.reportDropped();
  }
}
