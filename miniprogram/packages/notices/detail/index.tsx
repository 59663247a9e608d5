/** One policy notice in full. */
import { Text, View } from '@tarojs/components';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { getNotice } from '../../../services/notices';
import { dateTimeLabel } from '../../../utils/format';

export default function NoticeDetail() {
  const { id = '' } = usePageParams();
  const { data, error, loading, reload } = useAsync(() => getNotice(id), [id]);
  return (
    <PageShell className="notice-detail">
      <AsyncView loading={loading} error={error} onRetry={reload} rows={8}>
        {data && (
          <View className="ow-form">
            <Text className="notice-detail__title">{data.title}</Text>
            <Text className="notice-detail__meta">
              {data.audience.topicName ?? '全旗'} · 发布于 {dateTimeLabel(data.publishedAt)}
            </Text>
            {data.body.split(/\n+/).map((para, i) => (
              <Text key={i} className="notice-detail__para">
                {para}
              </Text>
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
