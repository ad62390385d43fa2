/**
 * What Bulletproof must stay within, whatever the layout: the same budgets
 * for JSON Resume in YAML, in JSON, and for RenderCV, by the size of the
 * resume (its lines as JSON Resume in YAML). A real resume is under 1,000
 * lines: there a keystroke must feel instant. Larger files are generated
 * to find what grows with size; they get more room, not unlimited room.
 */

export interface Budget {
  /** The largest size (lines) this budget covers. */
  upTo: number;
  firstDiagnosticsMs: number;
  keystrokeP95Ms: number;
  completionP95Ms: number;
  peakRssMb: number;
}

export const BUDGETS: readonly Budget[] = [
  { upTo: 1_000, firstDiagnosticsMs: 1_000, keystrokeP95Ms: 100, completionP95Ms: 100, peakRssMb: 200 },
  { upTo: Infinity, firstDiagnosticsMs: 3_000, keystrokeP95Ms: 200, completionP95Ms: 200, peakRssMb: 512 },
];

export interface Measured {
  lines: number;
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

/** Each budget a result misses, as `keystroke p95 212 ms > 150 ms`; none when it keeps them all. */
export function missedBudgets(result: Measured): string[] {
  const budget = budgetFor(result.lines);
  const checks: [string, number, number, string][] = [
    ['first diagnostics', result.firstDiagnosticsMs, budget.firstDiagnosticsMs, 'ms'],
    ['keystroke p95', result.keystrokeP95Ms, budget.keystrokeP95Ms, 'ms'],
    ['completion p95', result.completionP95Ms, budget.completionP95Ms, 'ms'],
    ['peak RSS', result.peakRssMb, budget.peakRssMb, 'MB'],
  ];
  // NaN (no /proc to read memory from) is not a miss: there is nothing to compare.
  return checks
    .filter(([, value, limit]) => value > limit)
    .map(([name, value, limit, unit]) => `${name} ${Math.round(value)} ${unit} > ${limit} ${unit}`);
}

/** The budgets as a Markdown table, for the report. */
export function budgetTable(): string {
  const rows = ['| lines | first diagnostics | keystroke p95 | completion p95 | peak RSS |', '| ---: | ---: | ---: | ---: | ---: |'];
  let from = 0;
  for (const budget of BUDGETS) {
    const range = budget.upTo === Infinity ? `over ${from.toLocaleString('en-US')}` : `up to ${budget.upTo.toLocaleString('en-US')}`;
    rows.push(
      `| ${range} | ${budget.firstDiagnosticsMs.toLocaleString('en-US')} ms | ${budget.keystrokeP95Ms} ms | ${budget.completionP95Ms} ms | ${budget.peakRssMb} MB |`,
    );
    from = budget.upTo;
  }
  return rows.join('\n');
}
