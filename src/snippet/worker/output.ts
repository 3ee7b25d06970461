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

  /** The snippet's `console`. */
  readonly console = {
    log: (...args: unknown[]) => this.log('log', args),
    info: (...args: unknown[]) => this.log('info', args),
    warn: (...args: unknown[]) => this.log('warn', args),
    error: (...args: unknown[]) => this.log('error', args),
    debug: (...args: unknown[]) => this.log('log', args),
  };

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
