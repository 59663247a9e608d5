/** Service points on three levels: the banner hall, township halls, village agency points. */
import { api } from './api';

export type PointLevel = 'banner' | 'township' | 'village';

export interface ServicePointHours {
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  morning?: { start: string; end: string } | null;
  afternoon?: { start: string; end: string } | null;
  note?: string | null;
}

export interface ServicePoint {
  id: string;
  code: string;
  name: string;
  level: PointLevel;
  levelName: string;
  parentCode: string | null;
  township: string | null;
  address: string;
  location: { lng: number; lat: number } | null;
  phone: string | null;
  openingHours: ServicePointHours | null;
  windows: Array<{ code: string; name: string; category: string; ticketPrefix: string }>;
}

export async function listServicePoints(level?: PointLevel): Promise<ServicePoint[]> {
  return (await api.get<{ items: ServicePoint[] }>('/api/v1/service-points', { level })).items;
}

export function getServicePoint(id: string): Promise<ServicePoint> {
  return api.get<ServicePoint>(`/api/v1/service-points/${encodeURIComponent(id)}`);
}
