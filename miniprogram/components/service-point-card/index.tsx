/** A service point: level, address, hours, windows, phone and a way to the map. */
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { openingHoursLabel } from '../../utils/format';
import { amapMarkerUrl, openMap } from '../../utils/map-link';
import type { ServicePointHours } from '../../services/service-points';

export interface ServicePointCardProps {
  point: {
    code: string;
    name: string;
    levelName?: string;
    address: string;
    phone: string | null;
    openingHours: ServicePointHours | null;
    location: { lng: number; lat: number } | null;
    windows: Array<{ code: string; name: string }>;
  };
  /** e.g. a "预约此处" button. */
  action?: ReactNode;
}

export function ServicePointCard({ point, action }: ServicePointCardProps) {
  const location = point.location;
  const target = location ? { name: point.name, address: point.address, location } : undefined;
  return (
    <View className="ow-point" data-point={point.code}>
      <View className="ow-point__head">
        <Text className="ow-point__name">{point.name}</Text>
        {point.levelName && <Tag plain>{point.levelName}</Tag>}
      </View>
      <Text className="ow-point__line">地址：{point.address}</Text>
      <Text className="ow-point__line">时间：{openingHoursLabel(point.openingHours)}</Text>
      {point.openingHours?.note && <Text className="ow-point__note">{point.openingHours.note}</Text>}
      {point.windows.length > 0 && <Text className="ow-point__line">窗口：{point.windows.map((w) => w.name).join('、')}</Text>}
      <View className="ow-point__actions">
        {target &&
          (process.env.TARO_ENV === 'h5' ? (
            <a className="ow-point__map" href={amapMarkerUrl(target)} target="_blank" rel="noopener noreferrer">
              查看地图
            </a>
          ) : (
            <Button size="small" fill="outline" onClick={() => openMap(target)}>
              查看地图
            </Button>
          ))}
        {point.phone && (
          <Button size="small" fill="outline" onClick={() => void Taro.makePhoneCall({ phoneNumber: point.phone! })}>
            拨打{point.phone}
          </Button>
        )}
        {action}
      </View>
    </View>
  );
}
