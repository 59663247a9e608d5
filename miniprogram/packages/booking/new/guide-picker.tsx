/** Step 1 of booking: find a bookable guide. */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { AsyncView } from '../../../components/async-view';
import { GuideCard } from '../../../components/guide-card';
import { GuideSearchBox } from '../../../components/guide-search-box';
import { useAsync } from '../../../hooks/use-async';
import { searchGuides } from '../../../services/guides';

export function GuidePicker({ onPick }: { onPick: (code: string) => void }) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const found = useAsync(() => searchGuides({ q, bookable: true }, 1, 20), [q]);
  return (
    <View className="booking-guides">
      <GuideSearchBox value={input} onChange={setInput} onSearch={setQ} onPick={(s) => onPick(s.code)} placeholder="搜索要预约办理的事项" />
      <View className="ow-list">
        <AsyncView loading={found.loading} error={found.error} onRetry={found.reload} empty={!found.data?.items.length} emptyText="没有找到可预约的事项，换个说法试试">
          {found.data?.items.map((g) => (
            <GuideCard key={g.code} guide={g} onClick={() => onPick(g.code)} />
          ))}
        </AsyncView>
      </View>
    </View>
  );
}
