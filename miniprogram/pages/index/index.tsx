/** Home page: who we are, search, the hall's single windows and the quick entries. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ConfigProvider, Grid, SearchBar } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/grid/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';
import { fetchCenterMeta } from '../../services/meta';
import { QUICK_ENTRIES, SERVICE_AREAS, SINGLE_WINDOWS, type HallArea, type QuickEntry } from './home-entries';
import './index.scss';

/** Shown until (or instead of, when offline) the gateway's /api/v1/meta answers. */
const FALLBACK_CENTER_NAME = '准格尔旗政务服务';

const THEME = {
  nutuiColorPrimary: '#b71c1c',
  nutuiGridItemContentBgColor: '#ffffff',
};

function announceComingSoon(feature: string): void {
  void Taro.showToast({ title: `${feature}即将开放`, icon: 'none', duration: 2000 });
}

function openQuickEntry(entry: QuickEntry): void {
  if (entry.url) void Taro.navigateTo({ url: entry.url });
  else announceComingSoon(entry.title);
}

function searchGuides(keyword: string): void {
  if (keyword.trim() === '') {
    void Taro.showToast({ title: '请输入要办理的事项', icon: 'none' });
    return;
  }
  announceComingSoon('事项搜索');
}

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

function AreaGrid({ areas }: { areas: HallArea[] }) {
  return (
    <Grid columns={2} gap={16} square={false} direction="horizontal" className="home-areas">
      {areas.map((area) => (
        <Grid.Item
          key={area.code}
          className="home-area"
          onClick={() => announceComingSoon(`${area.name}事项`)}
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
  const [keyword, setKeyword] = useState('');

  return (
    <ConfigProvider theme={THEME}>
      <View className="home">
        <View className="home-header">
          <Text className="home-header__center">{centerName}</Text>
          <Text className="home-header__title">一窗通办</Text>
          <Text className="home-header__motto">让数据多跑路，让群众少跑腿</Text>
        </View>

        <View className="home-search">
          <SearchBar
            shape="round"
            value={keyword}
            placeholder="搜索办事事项，如“开饭店”“上户口”"
            onChange={(value: string) => setKeyword(value)}
            onSearch={searchGuides}
          />
        </View>

        <View className="home-card">
          <Grid columns={4} className="home-quick">
            {QUICK_ENTRIES.map((entry) => (
              <Grid.Item
                key={entry.key}
                className="home-quick__item"
                text={entry.title}
                onClick={() => openQuickEntry(entry)}
              >
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

        <View className="home-section">
          <View className="home-section__head">
            <Text className="home-section__title">功能服务区</Text>
          </View>
          <AreaGrid areas={SERVICE_AREAS} />
        </View>

        <View className="home-footer">
          <Text>您的事儿，我来办</Text>
        </View>
      </View>
    </ConfigProvider>
  );
}
