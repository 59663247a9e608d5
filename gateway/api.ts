/** Every domain's routes, mounted under /api/v1. A new domain adds its router here. */
import { applicationRoutes } from './applications/routes';
import { bookingRoutes } from './bookings/routes';
import { complaintRoutes } from './complaints/routes';
import { docsPage, openApiDocument } from './http/openapi';
import { ApiRouter } from './http/routes';
import { queueRoutes } from './queue/routes';
import { guideRoutes } from './guides/routes';
import { identityRoutes } from './identity/routes';
import { metaRoutes } from './meta/routes';
import { noticeRoutes } from './notices/routes';
import { notificationRoutes } from './notifications/routes';
import { open311KeyRoutes } from './open311/key-routes';
import { ratingRoutes } from './ratings/routes';
import { servicePointRoutes } from './service-points/routes';

const docsRoutes = new ApiRouter('/api/v1')
  .route({ method: 'get', path: '/openapi.json', summary: 'This OpenAPI 3.1 document', tags: ['meta'], handler: () => openApiDocument() })
  .route({
    method: 'get',
    path: '/docs',
    summary: 'Readable API documentation',
    tags: ['meta'],
    handler: (ctx) => {
      ctx.type = 'html';
      return docsPage();
    },
  });

export const apiRouters: ApiRouter[] = [metaRoutes, docsRoutes, identityRoutes, guideRoutes, servicePointRoutes, notificationRoutes, noticeRoutes, applicationRoutes, bookingRoutes, queueRoutes, complaintRoutes, ratingRoutes, open311KeyRoutes];
