/**
 * The QR encoder core of `qrcode` (node-qrcode 1.5). Only its pure encoder is used: no canvas, no
 * PNG, so the same code runs in WeChat and in a browser.
 */
declare module 'qrcode/lib/core/qrcode' {
  export interface QrSymbol {
    modules: { size: number; data: Uint8Array; get(row: number, col: number): number };
    version: number;
    errorCorrectionLevel: { bit: number };
    maskPattern: number;
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number }): QrSymbol;
}
