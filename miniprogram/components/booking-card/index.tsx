/**
 * One booking: what, where, when, its code and QR for the hall, and cancel or reschedule while
 * that is still allowed (until the gateway's change deadline).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import type { Booking } from '../../services/bookings';
import { dateTimeLabel } from '../../utils/format';
import { QrCode } from '../qr-code';

export interface BookingCardProps {
  booking: Booking;
  onCancel: (booking: Booking) => Promise<unknown>;
  onReschedule: (booking: Booking) => void;
}

const STATUS_TAG: Record<Booking['status'], 'primary' | 'success' | 'default' | 'danger' | 'warning'> = {
  booked: 'primary',
  checked_in: 'warning',
  served: 'success',
  no_show: 'danger',
  cancelled: 'default',
};

export function BookingCard({ booking: b, onCancel, onReschedule }: BookingCardProps) {
  const [confirming, setConfirming] = useState(false);
  const active = b.status === 'booked' || b.status === 'checked_in';
  return (
    <View className={`ow-booking ow-booking--${b.status}`} data-booking-code={b.code}>
      <View className="ow-booking__head">
        <Text className="ow-booking__guide">{b.guide.name}</Text>
        <Tag type={STATUS_TAG[b.status]}>{b.statusName}</Tag>
      </View>
      <Text className="ow-booking__line">时间：{b.timeLabel}</Text>
      <Text className="ow-booking__line">地点：{b.servicePoint.name} · {b.window.name}</Text>
      {b.ticket && <Text className="ow-booking__line">排队号：{b.ticket.number}</Text>}
      {active && <QrCode value={b.qrPayload} caption={`预约码 ${b.code}`} />}
      {!active && <Text className="ow-booking__code">预约码 {b.code}</Text>}
      {b.status === 'booked' && <Text className="ow-booking__hint">请于预约时段到窗口出示二维码或预约码取号</Text>}
      {b.smsNoticeHint && <Text className="ow-booking__warn">{b.smsNoticeHint}</Text>}
      {b.cancellation?.reason && <Text className="ow-booking__line">取消原因：{b.cancellation.reason}</Text>}
      {b.changeable && (
        <View className="ow-booking__actions">
          <Button fill="outline" onClick={() => onReschedule(b)} className="ow-booking__reschedule">
            改约
          </Button>
          <Button type="danger" fill="outline" onClick={() => setConfirming(true)} className="ow-booking__cancel">
            取消预约
          </Button>
        </View>
      )}
      {b.status === 'booked' && !b.changeable && <Text className="ow-booking__hint">已过取消截止时间（{dateTimeLabel(b.changeDeadline)}）</Text>}
      <Dialog
        visible={confirming}
        title="取消预约"
        content={`确定取消“${b.guide.name}”${b.timeLabel}的预约吗？`}
        confirmText="确定取消"
        cancelText="再想想"
        onConfirm={async () => {
          await onCancel(b);
          setConfirming(false);
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  );
}
