import type { ServicePoint } from '../../models/service-point';

const LEVEL_NAMES = { banner: '旗级政务服务中心', township: '苏木乡镇便民服务大厅', village: '嘎查村/社区便民代办点' } as const;

/** Every field of a service point that leaves the server. */
export function presentServicePoint(p: ServicePoint) {
  return {
    id: p.code,
    code: p.code,
    name: p.name,
    level: p.level,
    levelName: LEVEL_NAMES[p.level],
    parentCode: p.parentCode ?? null,
    township: p.township ?? null,
    address: p.address,
    location: p.location?.lng != null ? { lng: p.location.lng, lat: p.location.lat } : null,
    phone: p.phone ?? null,
    openingHours: p.openingHours ?? null,
    windows: p.windows.map((w) => ({ code: w.code, name: w.name, category: w.category, ticketPrefix: w.ticketPrefix })),
  };
}
