/** The SMS the center sent this resident (results, bookings, notices), newest first. */
import { Text, View } from '@tarojs/components';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { listMyMessages } from '../../../services/me';
import { dateTimeLabel } from '../../../utils/format';

const STATUS_NAMES: Record<string, string> = { queued: '待发送', sending: '发送中', sent: '已发送', delivered: '已送达', failed: '发送失败' };

export default function Messages() {
  const signedIn = useRequireLogin('resident');
  const { data, error, loading, reload } = useAsync(listMyMessages, [], { skip: !signedIn });
  return (
    <PageShell className="messages">
      <View className="ow-list messages__list">
        <AsyncView loading={loading} error={error} onRetry={reload} empty={!data?.length} emptyText="暂无消息。办件进度、预约提醒和订阅的通知会在这里显示">
          {data?.map((m) => (
            <View key={m.id} className="ow-card messages__item">
              <Text className="messages__text">{m.text}</Text>
              <Text className="messages__meta">
                {dateTimeLabel(m.createdAt)} · {STATUS_NAMES[m.status] ?? m.status}
              </Text>
            </View>
          ))}
        </AsyncView>
      </View>
    </PageShell>
  );
}
