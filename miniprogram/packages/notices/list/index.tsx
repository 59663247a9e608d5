/** Policy notices, newest first, filtered by topic; a link to subscribe to topics by SMS. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { listNotices, listNoticeTopics } from '../../../services/notices';
import { dateTimeLabel } from '../../../utils/format';
import { go } from '../../../utils/navigation';

export default function NoticeList() {
  const [topic, setTopic] = useState('');
  const topics = useAsync(listNoticeTopics, []);
  const notices = useAsync(() => listNotices(1, 30, topic || undefined), [topic]);
  return (
    <PageShell className="notices">
      <View className="ow-chips">
        {[{ code: '', name: '全部' }, ...(topics.data ?? [])].map((t) => (
          <View key={t.code || 'all'} className={`ow-chip ${topic === t.code ? 'is-active' : ''}`} onClick={() => setTopic(t.code)}>
            {t.name}
          </View>
        ))}
      </View>
      <View className="ow-list">
        <AsyncView loading={notices.loading} error={notices.error} onRetry={notices.reload} empty={!notices.data?.items.length} emptyText="暂无通知">
          {notices.data?.items.map((n) => (
            <View key={n.id} className="ow-card notices__item" onClick={() => go('noticeDetail', { id: n.id })}>
              <Text className="notices__title">{n.title}</Text>
              {n.excerpt && <Text className="notices__excerpt">{n.excerpt}</Text>}
              <Text className="notices__meta">
                {n.audience.topicName ?? (n.audience.township ? `${n.audience.township}` : '全旗')} · {dateTimeLabel(n.publishedAt).slice(0, 10)}
              </Text>
            </View>
          ))}
        </AsyncView>
      </View>
      <View className="ow-bottom-bar">
        <Button type="primary" size="large" onClick={() => go('noticeSubscribe')}>
          订阅通知短信
        </Button>
      </View>
    </PageShell>
  );
}
