import { median } from './stats.ts';

/** One row of the results table: a scenario's figure for every server, and Plume's target if any. */
export type Row = {
  scenario: string;
  metric: string;
  /** Median over runs, per contender name; NaN when a contender did not run. */
  values: Record<string, number>;
  format(value: number): string;
  /** Plume's target, in words, and whether Plume met it given its value and the best peer's. */
  target?: { text: string; met(plume: number, bestPeer: number): boolean };
};

/** Builds a row from every run's figures (medians are taken here). */
export function row(
  scenario: string,
  metric: string,
  samples: Record<string, number[]>,
  format: (value: number) => string,
  target?: Row['target'],
): Row {
  const values = Object.fromEntries(Object.entries(samples).map(([name, runs]) => [name, median(runs)]));
  return { scenario, metric, values, format, ...(target ? { target } : {}) };
}

/** Renders rows as a Markdown table: one column per contender, then Plume / best peer and target. */
export function renderTable(rows: readonly Row[], plume: string, peers: readonly string[]): string {
  // Without peers (a feature only Plume has) there is no ratio to show.
  const ratioColumn = peers.length > 0 ? [`${plume} / best peer`] : [];
  const header = ['scenario', 'metric', plume, ...peers, ...ratioColumn, `target for ${plume}`];
  // Text columns are left-aligned, figures right-aligned.
  const right = header.map((_, i) => i >= 2 && i < header.length - 1);
  const body = rows.map((r) => {
    const plumeValue = r.values[plume] ?? Number.NaN;
    const best = Math.min(...peers.map((peer) => r.values[peer] ?? Number.NaN));
    const ratio = best > 0 ? (plumeValue / best).toFixed(2) : '–';
    const target = r.target ? `${r.target.text}: ${r.target.met(plumeValue, best) ? 'met' : '**missed**'}` : '';
    const figures = [plume, ...peers].map((name) => r.format(r.values[name] ?? Number.NaN));
    return [r.scenario, r.metric, ...figures, ...(peers.length > 0 ? [ratio] : []), target];
  });
  // Padded as Biome formats Markdown, so `biome check` stays clean after every run.
  const widths = header.map((title, i) => Math.max(3, title.length, ...body.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (right[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
