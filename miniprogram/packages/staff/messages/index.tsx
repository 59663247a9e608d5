/** The SMS log for supervisors: every message the center sent, with its delivery status. */
import { Text, View } from '@tarojs/components';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { fetchSmsLog } from '../../../services/staff-applications';
import { dateTimeLabel } from '../../../utils/format';
import { StaffNav } from '../staff-nav';
import '../staff.scss';

const STATUS_NAMES: Record<string, string> = { queued: '待发送', sending: '发送中', sent: '已发送', delivered: '已送达', failed: '发送失败' };

export default function SmsLog() {
  const signedIn = useRequireLogin('staff');
  const { data, error, loading, reload } = useAsync(() => fetchSmsLog(1, 50), [], { skip: !signedIn });
  if (!signedIn) return <PageShell />;
  return (
    <PageShell className="sms-log">
      <StaffNav current="staffMessages" />
      <View className="ow-list sms-log__list">
        {data && <Text className="sms-log__total">共 {data.total} 条</Text>}
        <AsyncView loading={loading} error={error} onRetry={reload} empty={!data?.items.length} emptyText="暂无短信记录">
          {data?.items.map((m) => (
            <View key={m.id} className="ow-card sms-log__item" data-kind={m.kind}>
              <Text className="sms-log__preview">{m.preview}</Text>
              <Text className="sms-log__meta">
                {m.phone} · {STATUS_NAMES[m.status] ?? m.status} · {dateTimeLabel(m.createdAt)}
              </Text>
            </View>
          ))}
        </AsyncView>
      </View>
    </PageShell>
  );
}
