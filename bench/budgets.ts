/**
 * What Bulletproof must stay within, whatever the layout: the same budgets
 * for JSON Resume in YAML, in JSON, and for RenderCV, by the size of the
 * resume (its lines as JSON Resume in YAML). They are the speed goals set
 * when the benchmark was built: a typical resume (~200 lines) answers a
 * keystroke within 10 ms at p95 and peaks under 80 MB, the server is ready
 * within 300 ms, 1,000 lines within 30 ms and 10,000 within 300 ms. Where
 * a goal names no limit (first diagnostics, completion, the largest
 * files), none is checked.
 */

export interface Budget {
  /** The largest size (lines) this budget covers. */
  upTo: number;
  readyMs?: number;
  firstDiagnosticsMs?: number;
  keystrokeP95Ms?: number;
  completionP95Ms?: number;
  peakRssMb?: number;
}

export const BUDGETS: readonly Budget[] = [
  { upTo: 200, readyMs: 300, keystrokeP95Ms: 10, peakRssMb: 80 },
  { upTo: 1_000, readyMs: 300, keystrokeP95Ms: 30 },
  { upTo: 10_000, readyMs: 300, keystrokeP95Ms: 300 },
  { upTo: Infinity, readyMs: 300 },
];

export interface Measured {
  lines: number;
  readyMs: number;
  firstDiagnosticsMs: number;
  keystrokeP95Ms: number;
  completionP95Ms: number;
  peakRssMb: number;
}

export function budgetFor(lines: number): Budget {
  const budget = BUDGETS.find((candidate) => lines <= candidate.upTo);
  if (!budget) throw new Error(`no budget covers ${lines} lines`);
  return budget;
}

const CHECKS: readonly [label: string, key: Exclude<keyof Budget & keyof Measured, 'lines'>, unit: string][] = [
  ['ready', 'readyMs', 'ms'],
  ['first diagnostics', 'firstDiagnosticsMs', 'ms'],
  ['keystroke p95', 'keystrokeP95Ms', 'ms'],
  ['completion p95', 'completionP95Ms', 'ms'],
  ['peak RSS', 'peakRssMb', 'MB'],
];

/** Each budget a result misses, as `keystroke p95 212 ms > 150 ms`; none when it keeps them all. */
export function missedBudgets(result: Measured): string[] {
  const budget = budgetFor(result.lines);
  // NaN (no /proc to read memory from) is not a miss: there is nothing to compare.
  return CHECKS.flatMap(([label, key, unit]) => {
    const limit = budget[key];
    const value = result[key];
    return limit !== undefined && value > limit ? [`${label} ${Math.round(value)} ${unit} > ${limit} ${unit}`] : [];
  });
}

/** The budgets as a Markdown table, for the report. */
export function budgetTable(): string {
  const rows = ['| lines | ready | keystroke p95 | peak RSS |', '| ---: | ---: | ---: | ---: |'];
  let from = 0;
  const cell = (value: number | undefined, unit: string) => (value === undefined ? '—' : `${value.toLocaleString('en-US')} ${unit}`);
  for (const budget of BUDGETS) {
    const range = budget.upTo === Infinity ? `over ${from.toLocaleString('en-US')}` : `up to ${budget.upTo.toLocaleString('en-US')}`;
    rows.push(`| ${range} | ${cell(budget.readyMs, 'ms')} | ${cell(budget.keystrokeP95Ms, 'ms')} | ${cell(budget.peakRssMb, 'MB')} |`);
    from = budget.upTo;
  }
  return rows.join('\n');
}
