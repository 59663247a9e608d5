/** Rating routes: residents rate finished cases; staff handle rectifications and read statistics. */
import { ApiRouter } from '../http/routes';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { actorOf, requireResident, requireStaff } from '../identity/middleware';
import { rateLimit } from '../limits/rate-limit';
import { callbackContact, getRectification, listRectifications, recordCallback, respondToRectification, verifyRectification } from './rectification';
import { rateableTypes } from './registry';
import { RATING_INDICATORS, RATING_LEVELS } from './rules';
import * as s from './schema';
import { rateCase } from './service';
import { ratingStats } from './stats';

const staff = (ctx: Parameters<typeof actorOf>[0]) => actorOf(ctx) as StaffActor;
const anyStaff = requireStaff();
const supervisor = requireStaff('supervisor');

export const ratingRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get', path: '/ratings/levels', summary: 'The five levels, the indicators and the rateable case types', tags: ['ratings'],
    handler: () => ({
      levels: Object.entries(RATING_LEVELS).map(([level, name]) => ({ level: Number(level), name })).reverse(),
      indicators: Object.entries(RATING_INDICATORS).map(([code, name]) => ({ code, name })),
      caseTypes: rateableTypes(),
    }),
  })
  .route({
    method: 'post', path: '/ratings', summary: 'Rate a finished case once (好差评)', tags: ['ratings'], auth: true, status: 201,
    use: [requireResident, rateLimit('rating', { account: [{ limit: 30, windowSeconds: 3600 }], address: [{ limit: 60, windowSeconds: 3600 }] })],
    body: s.RateSchema,
    handler: (ctx, { body }) => rateCase(actorOf(ctx) as ResidentActor, body),
  })
  .route({
    method: 'get', path: '/staff/rectifications', summary: 'Bad-rating rectifications (department staff: their own; supervisors: all)', tags: ['ratings', 'staff'], auth: true,
    use: [anyStaff], query: s.RectificationListQuery,
    handler: (ctx, { query }) => listRectifications(staff(ctx), query),
  })
  .route({
    method: 'get', path: '/staff/rectifications/:id', summary: 'One rectification', tags: ['ratings', 'staff'], auth: true,
    use: [anyStaff], params: s.IdParams,
    handler: (ctx, { params }) => getRectification(staff(ctx), params.id),
  })
  .route({
    method: 'post', path: '/staff/rectifications/:id/respond', summary: 'The handling department responds', tags: ['ratings', 'staff'], auth: true,
    use: [anyStaff], params: s.IdParams, body: s.RespondSchema,
    handler: (ctx, { params, body }) => respondToRectification(staff(ctx), params.id, body),
  })
  .route({
    method: 'post', path: '/staff/rectifications/:id/verify', summary: 'A supervisor approves the response or sends it back', tags: ['ratings', 'staff'], auth: true,
    use: [supervisor], params: s.IdParams, body: s.VerifySchema,
    handler: (ctx, { params, body }) => verifyRectification(staff(ctx), params.id, body),
  })
  .route({
    method: 'post', path: '/staff/rectifications/:id/callback', summary: 'Record the call-back to the resident', tags: ['ratings', 'staff'], auth: true,
    use: [supervisor], params: s.IdParams, body: s.CallbackSchema,
    handler: (ctx, { params, body }) => recordCallback(staff(ctx), params.id, body),
  })
  .route({
    method: 'get', path: '/staff/rectifications/:id/contact', summary: "The resident's number for the call-back (audited; never for anonymous cases)", tags: ['ratings', 'staff'], auth: true,
    use: [supervisor], params: s.IdParams,
    handler: (ctx, { params }) => callbackContact(staff(ctx), params.id),
  })
  .route({
    method: 'get', path: '/staff/ratings/stats', summary: 'Rating statistics per window, department or guide', tags: ['ratings', 'staff'], auth: true,
    use: [supervisor], query: s.RatingStatsQuery,
    handler: (_ctx, { query }) => ratingStats(query),
  });
