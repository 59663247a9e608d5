/**
 * A QR code as runs of dark modules per row, so it can be drawn with plain views on every
 * platform (no canvas, which WeChat and the browser handle differently). The encoder is node-qrcode's
 * pure core.
 */
import { create } from 'qrcode/lib/core/qrcode';

export interface QrRun {
  start: number;
  length: number;
}

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  /** For each row, its dark runs left to right. */
  rows: QrRun[][];
}

export function qrMatrix(text: string, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel });
  const rows: QrRun[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const runs: QrRun[] = [];
    let start = -1;
    for (let c = 0; c <= modules.size; c++) {
      const dark = c < modules.size && modules.get(r, c) === 1;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        runs.push({ start, length: c - start });
        start = -1;
      }
    }
    rows.push(runs);
  }
  return { size: modules.size, rows };
}

const pct = (n: number) => `${Math.round(n * 10000) / 10000}%`;

/** Percent positions of one run: the same on any screen size. */
export function runBox(size: number, row: number, run: QrRun) {
  const cell = 100 / size;
  // A hair taller than a row, so no light seams appear between rows on any screen.
  return { top: pct(row * cell), left: pct(run.start * cell), width: pct(run.length * cell), height: pct(cell + 0.05) };
}
