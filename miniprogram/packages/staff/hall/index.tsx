/**
 * The hall display (叫号屏) for a TV or tablet: the latest calls in large type and, per window, the
 * numbers being served and how many wait. Ticket numbers only; refreshes every few seconds.
 */
import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchNowServing } from '../../../services/queue';
import { dateTimeLabel } from '../../../utils/format';
import './index.scss';

const REFRESH_MS = 5_000;

export default function HallDisplay() {
  const { point = 'banner-hall' } = usePageParams();
  const serving = useAsync(() => fetchNowServing(point), [point]);
  useEffect(() => {
    const timer = setInterval(serving.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [serving.reload]);

  const data = serving.data;
  const latest = data?.latest[0];
  return (
    <PageShell className="hall">
      <AsyncView loading={serving.loading && !data} error={!data ? serving.error : undefined} onRetry={serving.reload}>
        {data && (
          <>
            <View className="hall__head">
              <Text className="hall__name">{data.servicePoint.name}</Text>
              <Text className="hall__time">更新于 {dateTimeLabel(data.updatedAt).slice(11)}</Text>
            </View>
            <View className="hall__now" aria-live="polite">
              {latest ? (
                <>
                  <Text className="hall__now-label">请</Text>
                  <Text className="hall__now-number">{latest.number}</Text>
                  <Text className="hall__now-label">
                    号到{latest.window.name}
                    {latest.counter ? `${latest.counter}号柜台` : ''}办理
                  </Text>
                </>
              ) : (
                <Text className="hall__now-label">暂无叫号，请取号等候</Text>
              )}
            </View>
            <View className="hall__windows">
              {data.windows.map((w) => (
                <View key={w.code} className="hall__window">
                  <Text className="hall__window-name">{w.name}</Text>
                  <Text className="hall__window-calling">{w.calling.length ? w.calling.map((c) => c.number).join('  ') : '—'}</Text>
                  <Text className="hall__window-waiting">等候 {w.waiting} 人</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}
