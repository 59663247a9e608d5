/** The benchmark's figures: each recorded beside its same-run baseline, printed, and kept for bench-results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

export const results: Figure[] = [];

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

export function record(name: string, value: number, unit: string, baseline: number | null = null): void {
  const ratio = baseline ? value / baseline : null;
  results.push({ name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000 });
  console.log(`  ${name.padEnd(52)} ${String(round(value)).padStart(10)} ${unit.padEnd(8)}${baseline ? `  baseline ${round(baseline)}  ratio ${ratio!.toFixed(3)}` : ''}`);
}

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** `BENCH_ONLY=sms,http` runs just those sections (all by default). */
export function sectionEnabled(name: string): boolean {
  const only = process.env.BENCH_ONLY;
  return !only || only.split(',').map((s) => s.trim()).includes(name);
}
