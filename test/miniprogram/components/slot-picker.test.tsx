/** @jest-environment jsdom */
/** The slot picker: dates, morning and afternoon slots, free seats, and what cannot be chosen. */
import './support/jsdom-stubs';
import { SlotPicker } from '../../../miniprogram/components/slot-picker';
import { relativeDayName, slotNote, slotState } from '../../../miniprogram/components/slot-picker/slots';
import type { Slot } from '../../../miniprogram/services/bookings';
import { render } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

const slot = (time: string, over: Partial<Slot> = {}): Slot => ({
  id: `banner-hall:market:2026-03-02:${time}`,
  date: '2026-03-02',
  start: `2026-03-02T${time.slice(0, 5)}:00+08:00`,
  end: `2026-03-02T${time.slice(6)}:00+08:00`,
  time,
  window: { code: 'market', name: '市场准入综合窗口' },
  capacity: 4,
  remaining: 4,
  closed: false,
  bookable: true,
  ...over,
});

const SLOTS = [
  slot('09:00-09:30', { remaining: 2 }),
  slot('09:30-10:00', { remaining: 0, bookable: false }),
  slot('10:00-10:30', { bookable: false, unavailableReason: '该时段已开始，不能预约' }),
  slot('14:30-15:00', { closed: true, remaining: 0, bookable: false, unavailableReason: '该时段已停止预约' }),
  slot('15:00-15:30'),
];

test('names each slot state the way a resident reads it', () => {
  expect(SLOTS.map((s) => [slotState(s), slotNote(s)])).toEqual([
    ['available', '余2个'],
    ['full', '已约满'],
    ['unavailable', '不可预约'],
    ['unavailable', '停止预约'],
    ['available', '余4个'],
  ]);
  expect(relativeDayName('2026-03-02', '2026-03-01')).toBe('明天');
  expect(relativeDayName('2026-03-05', '2026-03-01')).toBeUndefined();
});

test('shows the dates and the day in halves; only free slots can be chosen', async () => {
  const onChange = jest.fn();
  const onDateChange = jest.fn();
  const view = await render(
    <SlotPicker dates={['2026-03-02', '2026-03-03']} date="2026-03-02" onDateChange={onDateChange} slots={SLOTS} onChange={onChange} today="2026-03-01" />,
  );
  const text = view.text();
  for (const expected of ['明天', '3月2日', '后天', '3月3日', '上午', '下午', '余2个', '已约满', '停止预约']) expect(text).toContain(expected);
  // one window only: slots do not repeat its name
  expect(text).not.toContain('市场准入综合窗口');

  await view.click('已约满');
  await view.click('09:30-10:00');
  await view.click('14:30-15:00');
  expect(onChange).not.toHaveBeenCalled();

  await view.click('09:00-09:30');
  expect(onChange).toHaveBeenCalledWith(SLOTS[0]);

  await view.click('3月3日');
  expect(onDateChange).toHaveBeenCalledWith('2026-03-03');
  view.unmount();
});

test('marks the chosen slot and names windows when a day has several', async () => {
  const twoWindows = [slot('09:00-09:30'), slot('09:00-09:30', { id: 'x:social', window: { code: 'social', name: '社会事业综合窗口' } })];
  const view = await render(<SlotPicker dates={['2026-03-02']} date="2026-03-02" onDateChange={jest.fn()} slots={twoWindows} value="x:social" onChange={jest.fn()} />);
  expect(view.text()).toContain('社会事业综合窗口');
  expect(view.container.querySelector('.ow-slot.is-selected')?.getAttribute('data-slot-id')).toBe('x:social');
  view.unmount();
});

test('explains an empty or fully booked day', async () => {
  const none = await render(<SlotPicker dates={[]} date={null} onDateChange={jest.fn()} slots={[]} onChange={jest.fn()} />);
  expect(none.text()).toBe('近期没有可预约的日期');
  none.unmount();
  const full = await render(<SlotPicker dates={['2026-03-02']} date="2026-03-02" onDateChange={jest.fn()} slots={[SLOTS[1]!]} onChange={jest.fn()} />);
  expect(full.text()).toContain('当天已约满，请选择其他日期');
  full.unmount();
});
