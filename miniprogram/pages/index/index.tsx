/** Home page: search, quick entries, the hall's single windows, life events and the latest notices. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Grid } from '@nutui/nutui-react-taro';
import { GuideSearchBox } from '../../components/guide-search-box';
import { PageShell } from '../../components/page-shell';
import { fetchCenterMeta } from '../../services/meta';
import { setAgeFriendly, useAgeFriendly } from '../../store/age-friendly';
import { toast } from '../../utils/feedback';
import { go } from '../../utils/navigation';
import { ELDER_ENTRIES, QUICK_ENTRIES, SERVICE_AREAS, SINGLE_WINDOWS, type HallArea } from './home-entries';
import { LatestNotices, LifeEvents } from './home-sections';
import './index.scss';

/** Shown until (or instead of, when offline) the gateway's /api/v1/meta answers. */
const FALLBACK_CENTER_NAME = '准格尔旗政务服务';

function useCenterName(): string {
  const [centerName, setCenterName] = useState(FALLBACK_CENTER_NAME);
  useEffect(() => {
    let mounted = true;
    fetchCenterMeta()
      .then((meta) => {
        if (mounted && meta.center) setCenterName(meta.center);
      })
      .catch(() => undefined); // the static name is a fine fallback; nothing to tell the resident
    return () => {
      mounted = false;
    };
  }, []);
  return centerName;
}

function openArea(area: HallArea): void {
  if (area.code === 'payment' || area.code === 'intermediary') {
    toast(`${area.name}位于旗政务服务中心大厅，现场办理`);
    return;
  }
  go('guideSearch', { window: area.code });
}

function AreaGrid({ areas }: { areas: HallArea[] }) {
  return (
    <Grid columns={2} gap={16} square={false} direction="horizontal" className="home-areas">
      {areas.map((area) => (
        <Grid.Item
          key={area.code}
          className="home-area"
          onClick={() => openArea(area)}
          text={
            <View className="home-area__text">
              <Text className="home-area__name">{area.name}</Text>
              <Text className="home-area__summary">{area.summary}</Text>
            </View>
          }
        >
          <area.icon size={22} color="#b71c1c" />
        </Grid.Item>
      ))}
    </Grid>
  );
}

export default function Index() {
  const centerName = useCenterName();
  const ageFriendly = useAgeFriendly();
  const [keyword, setKeyword] = useState('');

  const search = (q: string) => {
    if (q.trim() === '') {
      toast('请输入要办理的事项');
      return;
    }
    go('guideSearch', { q: q.trim() });
  };

  return (
    <PageShell className="home">
      <View className="home-header">
        <View className="home-header__top">
          <Text className="home-header__center">{centerName}</Text>
          <View className="home-header__mode" onClick={() => setAgeFriendly(!ageFriendly)} role="switch" aria-checked={ageFriendly}>
            {ageFriendly ? '标准版' : '长辈版'}
          </View>
        </View>
        <Text className="home-header__title">一窗通办</Text>
        <Text className="home-header__motto">让数据多跑路，让群众少跑腿</Text>
      </View>

      <View className="home-search">
        <GuideSearchBox value={keyword} onChange={setKeyword} onSearch={search} onPick={(s) => go('guideDetail', { code: s.code })} />
      </View>

      <View className="home-elder ow-elder-only">
        {ELDER_ENTRIES.map((entry) => (
          <Button key={entry.key} block size="large" type="primary" className="home-elder__button" onClick={() => go(entry.page)}>
            {entry.title}
          </Button>
        ))}
      </View>

      <View className="home-card ow-elder-hidden">
        <Grid columns={4} square={false} className="home-quick">
          {QUICK_ENTRIES.map((entry) => (
            <Grid.Item key={entry.key} className="home-quick__item" text={entry.title} onClick={() => go(entry.page)}>
              <View className={`home-quick__icon home-quick__icon--${entry.key}`}>
                <entry.icon size={22} color="#ffffff" />
              </View>
            </Grid.Item>
          ))}
        </Grid>
      </View>

      <View className="home-section">
        <View className="home-section__head">
          <Text className="home-section__title">单一窗口</Text>
          <Text className="home-section__hint">进一扇门，办成一揽子事</Text>
        </View>
        <AreaGrid areas={SINGLE_WINDOWS} />
      </View>

      <LifeEvents />

      <LatestNotices />

      <View className="home-section ow-elder-hidden">
        <View className="home-section__head">
          <Text className="home-section__title">功能服务区</Text>
        </View>
        <AreaGrid areas={SERVICE_AREAS} />
      </View>

      <View className="home-footer">
        <Text>您的事儿，我来办</Text>
        <Text className="home-footer__staff" onClick={() => go('staffLogin')}>
          工作人员入口
        </Text>
      </View>
    </PageShell>
  );
}
