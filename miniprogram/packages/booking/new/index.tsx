/**
 * Booking: guide → service point → date and slot → confirm. Also reschedules an existing booking
 * (?reschedule=<id>), which keeps the guide and point and moves it to the chosen slot.
 */
import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { ServicePointCard } from '../../../components/service-point-card';
import { SlotPicker } from '../../../components/slot-picker';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { ApiError } from '../../../services/api';
import { createBooking, listSlots, newIdempotencyKey, rescheduleBooking, type Slot } from '../../../services/bookings';
import { getGuide } from '../../../services/guides';
import { useSession } from '../../../store/session';
import { messageOf, toast } from '../../../utils/feedback';
import { dateLabel } from '../../../utils/format';
import { go, pageUrl, replace } from '../../../utils/navigation';
import { askSubscribeConsent } from '../../../utils/subscribe-message';
import { BOOKING_STEPS, chinaToday, currentStep } from './booking-steps';
import { GuidePicker } from './guide-picker';
import './index.scss';

export default function NewBooking() {
  const params = usePageParams();
  const session = useSession();
  const rescheduling = params.reschedule;
  const [guideCode, setGuideCode] = useState(params.guide ?? '');
  const [pickedPoint, setPointCode] = useState(params.point ?? '');
  const [date, setDate] = useState<string | undefined>(params.date);
  const [slot, setSlot] = useState<Slot>();
  const [problem, setProblem] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  // One key per confirmation attempt of this slot: a double tap or a retry makes one booking.
  const idempotencyKey = useMemo(() => newIdempotencyKey(), [slot?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const guide = useAsync(() => getGuide(guideCode), [guideCode], { skip: !guideCode });
  const places = guide.data?.handledAt ?? [];
  // A guide handled at one place only needs no choice.
  const pointCode = pickedPoint || (places.length === 1 ? places[0]!.code : '');

  const slots = useAsync(() => listSlots(guideCode, pointCode, date), [guideCode, pointCode, date], { skip: !guideCode || !pointCode });
  useEffect(() => {
    if (!date && slots.data?.date) setDate(slots.data.date);
  }, [slots.data, date]);

  const step = currentStep({ guideCode, pointCode, slotId: slot?.id });
  // Where a login or the real-name binding brings the resident back to: the choices made so far.
  const here = pageUrl('bookingNew', { guide: guideCode, point: pointCode, date, reschedule: rescheduling });
  const place = places.find((p) => p.code === pointCode);

  const confirm = async () => {
    if (!slot) return;
    if (session.role !== 'resident') {
      void Taro.navigateTo({ url: pageUrl('login', { redirect: here }) });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await askSubscribeConsent('booking');
      if (rescheduling) await rescheduleBooking(rescheduling, slot.id);
      else await createBooking(slot.id, guideCode, idempotencyKey);
      toast(rescheduling ? '改约成功' : '预约成功', 'success');
      replace('bookingMine');
    } catch (error) {
      setProblem(error instanceof Error ? error : new Error(messageOf(error)));
      if (error instanceof ApiError && /slot|full/.test(error.code)) slots.reload();
    } finally {
      setBusy(false);
    }
  };

  const realNameMissing = problem instanceof ApiError && problem.code.endsWith('real_name_required');

  return (
    <PageShell className="booking-new">
      <View className="booking-new__steps">
        <Steps value={step}>
          {BOOKING_STEPS.map((title, i) => (
            <Step key={title} value={i + 1} title={title} />
          ))}
        </Steps>
      </View>
      {rescheduling && <Text className="booking-new__notice">正在改约：请选择新的日期和时段</Text>}

      {!guideCode && <GuidePicker onPick={setGuideCode} />}

      {guideCode && (
        <AsyncView loading={guide.loading} error={guide.error} onRetry={guide.reload}>
          {guide.data && (
            <Section
              title="办理事项"
              extra={
                !rescheduling && !params.guide ? (
                  <Text className="ow-link" onClick={() => (setGuideCode(''), setPointCode(''), setSlot(undefined), setDate(undefined))}>
                    重选
                  </Text>
                ) : undefined
              }
            >
              <Text className="booking-new__guide">{guide.data.name}</Text>
              {!guide.data.bookable && <Text className="ow-form-error">该事项暂不支持预约，可直接到窗口办理</Text>}
            </Section>
          )}

          {guide.data && !pointCode && (
            <Section title="选择办理网点">
              {places.map((p) => (
                <ServicePointCard
                  key={p.code}
                  point={p}
                  action={
                    <Button size="small" type="primary" onClick={() => setPointCode(p.code)}>
                      选这里
                    </Button>
                  }
                />
              ))}
            </Section>
          )}

          {guide.data && place && (
            <Section
              title="办理网点"
              extra={
                places.length > 1 && !rescheduling ? (
                  <Text className="ow-link" onClick={() => (setPointCode(''), setSlot(undefined), setDate(undefined))}>
                    重选
                  </Text>
                ) : undefined
              }
            >
              <Text className="booking-new__place">{place.name}</Text>
            </Section>
          )}

          {guide.data && place && (
            <Section title="选择日期和时段">
              <AsyncView loading={slots.loading && !slots.data} error={slots.error} onRetry={slots.reload}>
                {slots.data && (
                  <SlotPicker
                    dates={slots.data.bookableDates}
                    date={date ?? slots.data.date}
                    onDateChange={(d) => (setDate(d), setSlot(undefined))}
                    slots={slots.data.date === (date ?? slots.data.date) ? slots.data.items : []}
                    value={slot?.id}
                    onChange={setSlot}
                    today={chinaToday()}
                  />
                )}
              </AsyncView>
            </Section>
          )}

          {slot && guide.data && place && (
            <Section title="确认预约信息" className="booking-new__confirm">
              <View className="ow-kv">
                <Text className="ow-kv__key">事项</Text>
                <Text className="ow-kv__value">{guide.data.name}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">地点</Text>
                <Text className="ow-kv__value">
                  {place.name} · {slot.window.name}
                </Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">时间</Text>
                <Text className="ow-kv__value">
                  {dateLabel(slot.date)} {slot.time}
                </Text>
              </View>
              <Text className="ow-footnote">请携带身份证和申请材料按时到达；如不能前往，请提前取消，多次爽约将暂停预约资格。</Text>
            </Section>
          )}
        </AsyncView>
      )}

      {problem && (
        <View className="booking-new__problem">
          <View className="ow-form-error" role="alert">
            {problem.message}
          </View>
          {realNameMissing && (
            <Button type="primary" fill="outline" onClick={() => go('realName', { redirect: here })}>
              去实名认证
            </Button>
          )}
        </View>
      )}

      {slot && (
        <View className="ow-bottom-bar">
          <Button type="primary" size="large" loading={busy} onClick={confirm} className="booking-new__submit">
            {session.role === 'resident' ? (rescheduling ? '确认改约' : '确认预约') : '登录后预约'}
          </Button>
        </View>
      )}
    </PageShell>
  );
}
