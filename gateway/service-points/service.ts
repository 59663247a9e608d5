/** Service points: the directory residents browse and bookings refer to. */
import { ServicePointModel, type ServicePointLevel } from '../../models/service-point';
import { notFound } from '../errors';
import { presentServicePoint } from './presenter';

export async function listServicePoints(filter: { level?: ServicePointLevel; township?: string }) {
  const query: Record<string, unknown> = { active: true };
  if (filter.level) query.level = filter.level;
  if (filter.township) query.township = filter.township;
  const points = await ServicePointModel.find(query).sort({ level: 1, code: 1 }).lean();
  const order = { banner: 0, township: 1, village: 2 } as const;
  points.sort((a, b) => order[a.level] - order[b.level]);
  return points.map(presentServicePoint);
}

export async function getServicePoint(code: string) {
  const point = await ServicePointModel.findOne({ code, active: true }).lean();
  if (!point) throw notFound('service_point.not_found', '未找到该服务网点');
  return presentServicePoint(point);
}
