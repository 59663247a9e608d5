/** The resident's bookings with code and QR; cancel and reschedule while allowed. */
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { BookingCard } from '../../../components/booking-card';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { cancelBooking, listMyBookings, type Booking } from '../../../services/bookings';
import { dateTimeLabel } from '../../../utils/format';
import { toast, toastError } from '../../../utils/feedback';
import { go } from '../../../utils/navigation';

export default function MyBookings() {
  const signedIn = useRequireLogin('resident');
  const { data, error, loading, reload } = useAsync(listMyBookings, [], { skip: !signedIn });
  useDidShow(() => {
    if (signedIn && data) reload();
  });

  const cancel = async (b: Booking) => {
    try {
      await cancelBooking(b.id);
      toast('已取消预约', 'success');
      reload();
    } catch (err) {
      toastError(err);
      throw err;
    }
  };

  const reschedule = (b: Booking) => go('bookingNew', { reschedule: b.id, guide: b.guide.code, point: b.servicePoint.id });

  return (
    <PageShell className="my-bookings">
      <View className="ow-list my-bookings__list">
        {data?.blockedUntil && <Text className="ow-form-error">因多次未按时到场，{dateTimeLabel(data.blockedUntil)}前暂不能预约</Text>}
        <AsyncView
          loading={loading}
          error={error}
          onRetry={reload}
          empty={!data?.items.length}
          emptyText="您还没有预约"
          emptyAction={
            <Button type="primary" onClick={() => go('bookingNew')}>
              去预约
            </Button>
          }
        >
          {data?.items.map((b) => (
            <BookingCard key={b.id} booking={b} onCancel={cancel} onReschedule={reschedule} />
          ))}
        </AsyncView>
      </View>
      <View className="ow-bottom-bar">
        <Button type="primary" size="large" onClick={() => go('bookingNew')}>
          新的预约
        </Button>
      </View>
    </PageShell>
  );
}
