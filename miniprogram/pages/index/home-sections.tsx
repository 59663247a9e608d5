/** The home page's data-driven sections: life events and the latest notices. */
import { Text, View } from '@tarojs/components';
import { useAsync } from '../../hooks/use-async';
import { listLifeEvents } from '../../services/guides';
import { listNotices } from '../../services/notices';
import { dateTimeLabel } from '../../utils/format';
import { go } from '../../utils/navigation';

export function LifeEvents() {
  const { data, error, loading } = useAsync(listLifeEvents, []);
  if (loading || error || !data?.length) return null; // the windows above already lead to every guide
  return (
    <View className="home-section ow-elder-hidden">
      <View className="home-section__head">
        <Text className="home-section__title">按主题办</Text>
        <Text className="home-section__hint">人生大事，一件事一次办</Text>
      </View>
      <View className="home-events">
        {data.slice(0, 12).map((event) => (
          <View key={event.name} className="ow-chip home-events__chip" onClick={() => go('guideSearch', { lifeEvent: event.name })}>
            {event.name}
          </View>
        ))}
      </View>
    </View>
  );
}

export function LatestNotices() {
  const { data, error, loading } = useAsync(() => listNotices(1, 3), []);
  return (
    <View className="home-section">
      <View className="home-section__head">
        <Text className="home-section__title">最新通知</Text>
        <Text className="home-section__more" onClick={() => go('noticeList')}>
          更多
        </Text>
      </View>
      <View className="home-card home-notices">
        {loading && <View className="home-notices__empty">正在加载…</View>}
        {!loading && (error || !data?.items.length) && <View className="home-notices__empty">{error ? '通知暂时无法加载' : '暂无通知'}</View>}
        {data?.items.map((notice) => (
          <View key={notice.id} className="home-notices__item" onClick={() => go('noticeDetail', { id: notice.id })}>
            <Text className="home-notices__title">{notice.title}</Text>
            <Text className="home-notices__date">{dateTimeLabel(notice.publishedAt).slice(0, 10)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
