/** Guide search: type-ahead, filters by window, life event, online and booking, and a paged list. */
import { useEffect, useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { GuideCard } from '../../../components/guide-card';
import { GuideSearchBox } from '../../../components/guide-search-box';
import { PageShell } from '../../../components/page-shell';
import { usePageParams } from '../../../hooks/use-page-params';
import { searchGuides, type GuideFilters, type GuideSummary } from '../../../services/guides';
import { go } from '../../../utils/navigation';
import { filtersFromParams, WINDOW_CHIPS } from './filters';
import './index.scss';

const PAGE_SIZE = 10;

export default function GuideSearch() {
  const params = usePageParams();
  const [input, setInput] = useState(params.q ?? '');
  const [filters, setFilters] = useState<GuideFilters>(() => filtersFromParams(params));
  const [items, setItems] = useState<GuideSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    searchGuides(filters, 1, PAGE_SIZE)
      .then((found) => {
        if (!current) return;
        setItems(found.items);
        setTotal(found.total);
        setPage(1);
      })
      .catch((err: unknown) => current && setError(err))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [filters, round]);

  const loadMore = async () => {
    if (loadingMore || items.length >= total) return;
    setLoadingMore(true);
    try {
      const next = await searchGuides(filters, page + 1, PAGE_SIZE);
      setItems((prev) => [...prev, ...next.items]);
      setPage(page + 1);
    } catch {
      void Taro.showToast({ title: '加载失败，请稍后重试', icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };

  useReachBottom(() => void loadMore());

  const update = (patch: Partial<GuideFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <PageShell className="guide-search">
      <View className="guide-search__bar">
        <GuideSearchBox value={input} onChange={setInput} onSearch={(q) => update({ q })} onPick={(s) => go('guideDetail', { code: s.code })} />
      </View>
      <View className="ow-chips">
        {WINDOW_CHIPS.map((chip) => (
          <View key={chip.code || 'all'} className={`ow-chip ${(filters.window ?? '') === chip.code ? 'is-active' : ''}`} onClick={() => update({ window: chip.code || undefined })}>
            {chip.name}
          </View>
        ))}
      </View>
      <View className="ow-chips ow-elder-hidden">
        <View className={`ow-chip ${filters.online ? 'is-active' : ''}`} onClick={() => update({ online: filters.online ? undefined : true })}>
          可网上申报
        </View>
        <View className={`ow-chip ${filters.bookable ? 'is-active' : ''}`} onClick={() => update({ bookable: filters.bookable ? undefined : true })}>
          可预约
        </View>
        {filters.lifeEvent && (
          <View className="ow-chip is-active" onClick={() => update({ lifeEvent: undefined })}>
            主题：{filters.lifeEvent} ✕
          </View>
        )}
      </View>
      <View className="ow-list">
        <AsyncView
          loading={loading}
          error={error}
          onRetry={() => setRound((r) => r + 1)}
          empty={items.length === 0}
          emptyText={filters.q ? `没有找到与“${filters.q}”相关的事项，换个说法试试，如“开饭店”“办营业执照”` : '没有符合条件的事项'}
        >
          <Text className="guide-search__total">共找到 {total} 个事项</Text>
          {items.map((guide) => (
            <GuideCard key={guide.code} guide={guide} onClick={() => go('guideDetail', { code: guide.code })} />
          ))}
          {items.length < total ? (
            <View className="ow-load-more">
              <Button fill="outline" loading={loadingMore} onClick={() => void loadMore()}>
                加载更多
              </Button>
            </View>
          ) : (
            <View className="ow-load-more">没有更多了</View>
          )}
        </AsyncView>
      </View>
    </PageShell>
  );
}
