/** The staff inbox: open applications most urgent first (red, yellow, green), filterable by light. */
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApplicationCard } from '../../../components/application-card';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import type { Light } from '../../../services/applications';
import { fetchInbox } from '../../../services/staff-applications';
import { go } from '../../../utils/navigation';
import { StaffNav } from '../staff-nav';
import '../staff.scss';

const LIGHT_FILTERS: Array<{ value: Light | ''; name: string }> = [
  { value: '', name: '全部' },
  { value: 'red', name: '红灯' },
  { value: 'yellow', name: '黄灯' },
  { value: 'green', name: '绿灯' },
];

export default function StaffInbox() {
  const signedIn = useRequireLogin('staff');
  const [light, setLight] = useState<Light | ''>('');
  const [mine, setMine] = useState(false);
  const inbox = useAsync(() => fetchInbox({ light: light || undefined, mine: mine || undefined, pageSize: 50 }), [light, mine], { skip: !signedIn });
  useDidShow(() => {
    if (signedIn && inbox.data) inbox.reload();
  });
  usePullDownRefresh(() => {
    inbox.reload();
    void Taro.stopPullDownRefresh();
  });

  if (!signedIn) return <PageShell />;
  return (
    <PageShell className="staff-inbox">
      <StaffNav current="staffInbox" />
      <View className="ow-chips staff-inbox__filters">
        {LIGHT_FILTERS.map((f) => (
          <View key={f.value || 'all'} className={`ow-chip ${light === f.value ? 'is-active' : ''}`} onClick={() => setLight(f.value)}>
            {f.name}
          </View>
        ))}
        <View className={`ow-chip ${mine ? 'is-active' : ''}`} onClick={() => setMine(!mine)}>
          我经办的
        </View>
      </View>
      <View className="ow-list">
        {inbox.data && <Text className="staff-inbox__total">待办 {inbox.data.total} 件，按紧急程度排序</Text>}
        <AsyncView loading={inbox.loading} error={inbox.error} onRetry={inbox.reload} empty={!inbox.data?.items.length} emptyText="暂无待办办件">
          {inbox.data?.items.map((a) => (
            <ApplicationCard
              key={a.number}
              application={a}
              extra={`申请人 ${a.applicant.name} · ${a.channel === 'online' ? '网上申报' : '窗口登记'}`}
              onClick={() => go('staffApplication', { number: a.number })}
            />
          ))}
        </AsyncView>
      </View>
    </PageShell>
  );
}
