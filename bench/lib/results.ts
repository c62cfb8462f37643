// Every scenario ends here: a table on the terminal and bench/results/<scenario>-<database>.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './processes.ts';

export type Figures = Record<string, number | string>;

export interface BenchResult {
  scenario: string;
  database: string;
  date: string;
  machine: { cpus: number; memoryGiB: number; node: string };
  fixture: Record<string, unknown>;
  figures: Figures;
  ceiling: Figures;
  notes?: string[];
}

export function writeResult(result: Omit<BenchResult, 'date' | 'machine'>): BenchResult {
  const full: BenchResult = {
    ...result,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
  };
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${result.scenario}-${result.database}.json`),
    `${JSON.stringify(full, null, 2)}\n`,
  );
  printTable(full);
  return full;
}

function printTable(r: BenchResult): void {
  console.log(`\n${r.scenario} on ${r.database} — fixture ${JSON.stringify(r.fixture)}`);
  const rows = Object.keys({ ...r.figures, ...r.ceiling }).map((key) => ({
    figure: key,
    trame: r.figures[key] ?? '',
    ceiling: r.ceiling[key] ?? '',
  }));
  console.table(rows);
  for (const note of r.notes ?? []) console.log(`  · ${note}`);
}
