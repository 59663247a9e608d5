/** @jest-environment jsdom */
/** A booking in "my bookings": code and QR while active, cancel with confirmation, reschedule. */
import './support/jsdom-stubs';
import { BookingCard } from '../../../miniprogram/components/booking-card';
import type { Booking } from '../../../miniprogram/services/bookings';
import { render, settle } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

const BOOKING: Booking = {
  id: 'b1',
  code: 'K7Q2M9',
  qrPayload: 'OW-BOOKING:K7Q2M9',
  status: 'booked',
  statusName: '已预约',
  guide: { code: 'g1', name: '食品经营许可' },
  servicePoint: { id: 'banner-hall', name: '准格尔旗政务服务中心' },
  window: { code: 'market', name: '市场准入综合窗口' },
  slotId: 's1',
  date: '2026-03-02',
  start: '2026-03-02T09:00:00+08:00',
  end: '2026-03-02T09:30:00+08:00',
  timeLabel: '3月2日（周一） 09:00-09:30',
  smsNotice: true,
  changeable: true,
  changeDeadline: '2026-03-02T07:00:00+08:00',
  ticket: null,
  cancellation: null,
  bookedAt: '2026-03-01T02:00:00Z',
};

test('an active booking shows its code and QR, and cancels only after confirming', async () => {
  const onCancel = jest.fn().mockResolvedValue(undefined);
  const onReschedule = jest.fn();
  const view = await render(<BookingCard booking={BOOKING} onCancel={onCancel} onReschedule={onReschedule} />);
  expect(view.text()).toContain('预约码 K7Q2M9');
  expect(view.container.querySelector('[data-qr-payload]')?.getAttribute('data-qr-payload')).toBe('OW-BOOKING:K7Q2M9');

  await view.click('改约');
  expect(onReschedule).toHaveBeenCalledWith(BOOKING);

  await view.click('取消预约');
  expect(document.body.textContent).toContain('确定取消“食品经营许可”3月2日（周一） 09:00-09:30的预约吗？');
  await view.click('再想想');
  expect(onCancel).not.toHaveBeenCalled();

  await view.click('取消预约');
  await view.click('确定取消');
  await settle();
  expect(onCancel).toHaveBeenCalledWith(BOOKING);
  view.unmount();
});

test('a cancelled booking shows the reason and offers nothing more', async () => {
  const cancelled: Booking = { ...BOOKING, status: 'cancelled', statusName: '已取消', changeable: false, cancellation: { at: '2026-03-01T03:00:00Z', by: 'staff', reason: '系统维护' } };
  const view = await render(<BookingCard booking={cancelled} onCancel={jest.fn()} onReschedule={jest.fn()} />);
  expect(view.text()).toContain('取消原因：系统维护');
  expect(view.container.querySelector('[data-qr-payload]')).toBeNull();
  expect(view.queryByText('取消预约')).toBeUndefined();
  expect(view.queryByText('改约')).toBeUndefined();
  view.unmount();
});

test('past the change deadline it says until when changes were possible', async () => {
  const view = await render(<BookingCard booking={{ ...BOOKING, changeable: false }} onCancel={jest.fn()} onReschedule={jest.fn()} />);
  expect(view.text()).toContain('已过取消截止时间（2026-03-02 07:00）');
  view.unmount();
});
