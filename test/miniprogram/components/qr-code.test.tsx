/** @jest-environment jsdom */
/**
 * The booking QR code drawn with views: the module runs, rasterised back into pixels, decode to
 * the payload (with jsQR, the decoder the hall's scanners work like).
 */
import './support/jsdom-stubs';
import { QrCode } from '../../../miniprogram/components/qr-code';
import { qrMatrix, runBox } from '../../../miniprogram/components/qr-code/qr-matrix';
import { render } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsQR = require('jsqr') as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** Paints percent-positioned runs onto a white RGBA canvas with a quiet zone, like the screen does. */
function rasterise(boxes: Array<{ top: string; left: string; width: string; height: string }>, px = 200, quiet = 20): { data: Uint8ClampedArray; size: number } {
  const size = px + quiet * 2;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  const at = (v: string) => (parseFloat(v) / 100) * px;
  for (const b of boxes) {
    const x0 = Math.round(at(b.left)) + quiet;
    const y0 = Math.round(at(b.top)) + quiet;
    const x1 = Math.round(at(b.left) + at(b.width)) + quiet;
    const y1 = Math.round(at(b.top) + (parseFloat(b.height) / 100) * px) + quiet;
    for (let y = y0; y < y1 && y < size; y++) for (let x = x0; x < x1; x++) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
  }
  return { data, size };
}

test('the runs decode back to the payload', () => {
  const payload = 'OW-BOOKING:BK7X2Q9M';
  const matrix = qrMatrix(payload);
  expect(matrix.size).toBeGreaterThanOrEqual(21);
  const boxes = matrix.rows.flatMap((runs, row) => runs.map((run) => runBox(matrix.size, row, run)));
  const { data, size } = rasterise(boxes);
  expect(jsQR(data, size, size)?.data).toBe(payload);
});

test('renders the same runs as views, with the code in large type', async () => {
  const payload = 'OW-BOOKING:BK7X2Q9M';
  const view = await render(<QrCode value={payload} caption="预约码 BK7X2Q9M" />);
  expect(view.text()).toBe('预约码 BK7X2Q9M');
  const runs = Array.from(view.container.querySelectorAll<HTMLElement>('.ow-qr__run'));
  const matrix = qrMatrix(payload);
  expect(runs).toHaveLength(matrix.rows.reduce((n, r) => n + r.length, 0));
  const { data, size } = rasterise(runs.map((el) => ({ top: el.style.top, left: el.style.left, width: el.style.width, height: el.style.height })));
  expect(jsQR(data, size, size)?.data).toBe(payload);
  expect(view.container.querySelector('[data-qr-payload]')?.getAttribute('data-qr-payload')).toBe(payload);
  view.unmount();
});
