/** The signed-in resident's complaints, consultations and suggestions, newest first. */
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { listMyComplaints } from '../../../services/complaints';
import { dateTimeLabel } from '../../../utils/format';
import { go } from '../../../utils/navigation';

export default function MyComplaints() {
  const signedIn = useRequireLogin('resident');
  const { data, error, loading, reload } = useAsync(listMyComplaints, [], { skip: !signedIn });
  useDidShow(() => {
    if (signedIn && data) reload();
  });
  return (
    <PageShell className="my-complaints">
      <View className="ow-list my-complaints__list">
        <AsyncView
          loading={loading}
          error={error}
          onRetry={reload}
          empty={!data?.items.length}
          emptyText="您还没有提交过投诉建议"
          emptyAction={
            <Button type="primary" onClick={() => go('complaintNew')}>
              我要反映
            </Button>
          }
        >
          {data?.items.map((c) => (
            <View key={c.trackingNumber} className="ow-card my-complaints__item" data-tracking-number={c.trackingNumber} onClick={() => go('complaintDetail', { tn: c.trackingNumber })}>
              <View className="my-complaints__head">
                <Text className="my-complaints__title">
                  {c.typeName} · {c.categoryName}
                </Text>
                <Tag type={c.status === 'closed' ? 'success' : 'primary'} plain>
                  {c.statusName}
                </Tag>
              </View>
              <Text className="my-complaints__excerpt">{c.excerpt}</Text>
              <Text className="my-complaints__meta">
                {c.trackingNumber} · {dateTimeLabel(c.receivedAt)}
              </Text>
            </View>
          ))}
        </AsyncView>
      </View>
    </PageShell>
  );
}
