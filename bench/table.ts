/**
 * How `npm run bench` prints: aligned plain-text tables, and every figure beside its target with
 * PASS or MISS (never an assertion: a missed target is a figure, not a failure).
 */

/** An aligned table: the first column left-aligned, the others right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** `PASS` when `measured` meets the target (at most `max`, or at least `min`), `MISS` otherwise. */
export function verdict(measured: number | undefined, target: { max: number } | { min: number }): 'PASS' | 'MISS' | '—' {
  if (measured === undefined || Number.isNaN(measured)) return '—';
  return ('max' in target ? measured <= target.max : measured >= target.min) ? 'PASS' : 'MISS';
}

/** Bytes in the unit a reader takes in at a glance: B, KB, MB (10^3, 10^6). */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} KB`;
  return `${(n / 1e6).toFixed(2)} MB`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function ms(n: number | undefined, digits = 0): string {
  return n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(digits)} ms`;
}

/** Progress on stderr, so that stdout holds only the report. */
export function progress(message: string): void {
  const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  process.stderr.write(`  … ${message} (bench RSS ${rss} MiB)\n`);
}

/** The message of an error, first line only (stack traces belong on stderr). */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}

/**
 * Notes under a table, so that a long reason (a refusal, a timeout) does not stretch a column:
 * `ref(text)` returns a marker for the cell, `toString()` the numbered notes.
 */
export class Notes {
  private readonly texts: string[] = [];

  ref(text: string): string {
    let i = this.texts.indexOf(text);
    if (i < 0) i = this.texts.push(text) - 1;
    return `[${i + 1}]`;
  }

  toString(): string {
    return this.texts.map((text, i) => `[${i + 1}] ${text}`).join('\n');
  }

  /** Prints the table, then its notes. */
  print(tableText: string): void {
    console.log(tableText);
    if (this.texts.length > 0) console.log(this.toString());
  }
}
