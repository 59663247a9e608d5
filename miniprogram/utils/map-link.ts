/**
 * "Show on map" for a service point: WeChat opens its own map (Taro.openLocation); a browser opens
 * Amap's public marker page, which needs no key and works in any phone browser.
 */
import Taro from '@tarojs/taro';

export interface MapTarget {
  name: string;
  address: string;
  location: { lng: number; lat: number };
}

export function amapMarkerUrl(target: MapTarget): string {
  const { lng, lat } = target.location;
  return `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(target.name)}&src=onewindow&coordinate=gaode&callnative=1`;
}

export function openMap(target: MapTarget): void {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ latitude: target.location.lat, longitude: target.location.lng, name: target.name, address: target.address, scale: 16 });
    return;
  }
  window.open(amapMarkerUrl(target), '_blank', 'noopener');
}
