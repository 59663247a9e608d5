/** Complaint handling: supervisors see all items, department staff their department's; by light. */
import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { LightBadge } from '../../../components/light-badge';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import type { Light } from '../../../services/applications';
import { fetchStaffComplaints } from '../../../services/complaints';
import { dateTimeLabel } from '../../../utils/format';
import { go } from '../../../utils/navigation';
import { StaffNav } from '../staff-nav';
import '../staff.scss';

const FILTERS: Array<{ value: Light | ''; name: string }> = [
  { value: '', name: '全部' },
  { value: 'red', name: '红灯' },
  { value: 'yellow', name: '黄灯' },
  { value: 'green', name: '绿灯' },
];

export default function StaffComplaints() {
  const signedIn = useRequireLogin('staff');
  const [light, setLight] = useState<Light | ''>('');
  const list = useAsync(() => fetchStaffComplaints({ light: light || undefined }), [light], { skip: !signedIn });
  useDidShow(() => {
    if (signedIn && list.data) list.reload();
  });
  if (!signedIn) return <PageShell />;
  return (
    <PageShell className="staff-complaints">
      <StaffNav current="staffComplaints" />
      <View className="ow-chips staff-inbox__filters">
        {FILTERS.map((f) => (
          <View key={f.value || 'all'} className={`ow-chip ${light === f.value ? 'is-active' : ''}`} onClick={() => setLight(f.value)}>
            {f.name}
          </View>
        ))}
      </View>
      <View className="ow-list">
        {list.data && <Text className="staff-inbox__total">共 {list.data.total} 件{light ? '，最紧急的在前' : '，最新的在前'}</Text>}
        <AsyncView loading={list.loading} error={list.error} onRetry={list.reload} empty={!list.data?.items.length} emptyText="暂无投诉建议">
          {list.data?.items.map((c) => (
            <View
              key={c.trackingNumber}
              className={`ow-app-card ow-app-card--${c.light ?? 'none'}`}
              data-tracking-number={c.trackingNumber}
              onClick={() => go('staffComplaint', { tn: c.trackingNumber })}
            >
              <View className="ow-app-card__head">
                <Text className="ow-app-card__name">
                  {c.typeName} · {c.categoryName}
                </Text>
                <Tag type={c.status === 'closed' ? 'default' : 'primary'} plain>
                  {c.statusName}
                </Tag>
              </View>
              <Text className="ow-app-card__number">{c.excerpt}</Text>
              <Text className="ow-app-card__dept">
                {c.trackingNumber} · {dateTimeLabel(c.receivedAt)}
                {c.anonymous ? ' · 匿名' : ''}
                {c.escalated ? ' · 已督办' : ''}
              </Text>
              {c.status !== 'closed' && c.status !== 'replied' && <LightBadge light={c.light} />}
            </View>
          ))}
        </AsyncView>
      </View>
    </PageShell>
  );
}
