import { z } from 'zod';
import { SERVICE_POINT_LEVELS } from '../../models/service-point';
import { ApiRouter } from '../http/routes';
import { getServicePoint, listServicePoints } from './service';

export const servicePointRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get',
    path: '/service-points',
    summary: 'Service points on the three levels (banner hall, township halls, village agency points)',
    tags: ['service-points'],
    query: z.object({
      level: z.enum(SERVICE_POINT_LEVELS).optional().meta({ label: '网点级别' }),
      township: z.string().max(20).optional().meta({ label: '苏木乡镇' }),
    }),
    handler: async (_ctx, { query }) => ({ items: await listServicePoints(query) }),
  })
  .route({
    method: 'get',
    path: '/service-points/:id',
    summary: 'One service point with its windows and hours',
    tags: ['service-points'],
    params: z.object({ id: z.string().min(1).max(64) }),
    handler: (_ctx, { params }) => getServicePoint(params.id),
  });
