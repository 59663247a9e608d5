/** Service points by level (banner hall, township halls, village agency points) with hours, windows and map. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { ServicePointCard } from '../../../components/service-point-card';
import { useAsync } from '../../../hooks/use-async';
import { listServicePoints, type PointLevel } from '../../../services/service-points';

const LEVELS: Array<{ level: PointLevel; title: string; hint: string }> = [
  { level: 'banner', title: '旗级大厅', hint: '四个综合窗口，全部事项' },
  { level: 'township', title: '苏木乡镇', hint: '就近办理高频事项' },
  { level: 'village', title: '嘎查村代办点', hint: '代办员受理后转镇大厅' },
];

export default function ServicePoints() {
  const [level, setLevel] = useState<PointLevel>('banner');
  const { data, error, loading, reload } = useAsync(() => listServicePoints(), []);
  const points = (data ?? []).filter((p) => p.level === level);
  const current = LEVELS.find((l) => l.level === level)!;

  return (
    <PageShell className="points">
      <Tabs value={level} onChange={(value) => setLevel(value as PointLevel)} activeType="line">
        {LEVELS.map((l) => (
          <Tabs.TabPane key={l.level} title={l.title} value={l.level} />
        ))}
      </Tabs>
      <View className="ow-list">
        <Text className="points__hint">{current.hint}</Text>
        <AsyncView loading={loading} error={error} onRetry={reload} empty={points.length === 0} emptyText="该级别暂无服务网点">
          {points.map((point) => (
            <ServicePointCard key={point.code} point={point} />
          ))}
        </AsyncView>
      </View>
    </PageShell>
  );
}
