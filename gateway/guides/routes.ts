/** Guide routes: residents search and read; administrators maintain, publish, retire, export and import. */
import { z } from 'zod';
import { GUIDE_STATUSES } from '../../models/guide';
import { sendSerializedJson } from '../http/serialized-json';
import { ApiRouter } from '../http/routes';
import type { StaffActor } from '../identity/actor';
import { actorOf, requireStaff } from '../identity/middleware';
import { createGuide, guideHistory, listAllGuides, setGuideStatus, updateGuide } from './admin';
import { detailAnswerKey, fromAnswerCache, searchAnswerKey } from './cached-answers';
import { exportCatalogue, importCatalogue } from './exchange';
import { CodeParams, GuideInputSchema, GuideQuerySchema, GuideUpdateSchema, SuggestQuerySchema } from './schema';
import { getGuide, getGuideJson, listLifeEvents, searchGuidesJson, suggestGuides } from './service';

const admin = requireStaff('admin');
const staff = (ctx: Parameters<typeof actorOf>[0]) => actorOf(ctx) as StaffActor;

export const guideRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get', path: '/guides', summary: 'Search guides in residents\' own words, best match first', tags: ['guides'],
    query: GuideQuerySchema,
    use: [fromAnswerCache('search', searchAnswerKey)],
    handler: async (ctx, { query }) => sendSerializedJson(ctx, await searchGuidesJson(query, searchAnswerKey(ctx))),
  })
  .route({
    method: 'get', path: '/guides/suggest', summary: 'Type-ahead suggestions', tags: ['guides'],
    query: SuggestQuerySchema,
    handler: (_ctx, { query }) => suggestGuides(query.q, query.limit),
  })
  .route({
    method: 'get', path: '/life-events', summary: 'Life events (主题) with their guide counts', tags: ['guides'],
    handler: () => listLifeEvents(),
  })
  .route({
    method: 'get', path: '/guides/:code', summary: 'The whole guide, with where and when', tags: ['guides'],
    params: CodeParams,
    use: [fromAnswerCache('detail', detailAnswerKey)],
    handler: async (ctx, { params }) => sendSerializedJson(ctx, await getGuideJson(params.code, detailAnswerKey(ctx))),
  })
  .route({
    method: 'get', path: '/staff/guides', summary: 'Every guide with status and version (administrators)', tags: ['guides', 'staff'], auth: true,
    use: [admin],
    query: z.object({ status: z.enum(GUIDE_STATUSES).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
    handler: (_ctx, { query }) => listAllGuides(query),
  })
  .route({
    method: 'get', path: '/staff/guides/export', summary: 'Export the catalogue in implementation-list field names', tags: ['guides', 'staff'], auth: true,
    use: [admin],
    handler: async (ctx) => {
      ctx.set('Content-Disposition', 'attachment; filename="guides.json"');
      return exportCatalogue();
    },
  })
  .route({
    method: 'post', path: '/staff/guides/import', summary: 'Import catalogue rows; all rows valid or nothing is imported', tags: ['guides', 'staff'], auth: true,
    use: [admin],
    query: z.object({ dryRun: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
    body: z.array(z.unknown()).min(1, '导入内容为空').max(2000, '一次最多导入2000条'),
    handler: async (ctx, { body, query }) => {
      const report = await importCatalogue(staff(ctx), body, { dryRun: query.dryRun });
      ctx.status = report.invalid.length ? 422 : 200;
      return report;
    },
  })
  .route({
    method: 'post', path: '/staff/guides', summary: 'Create a guide as a draft', tags: ['guides', 'staff'], auth: true, status: 201,
    use: [admin], body: GuideInputSchema,
    handler: (ctx, { body }) => createGuide(staff(ctx), body),
  })
  .route({
    method: 'get', path: '/staff/guides/:code', summary: 'A guide in any status (administrators)', tags: ['guides', 'staff'], auth: true,
    use: [admin], params: CodeParams,
    handler: (_ctx, { params }) => getGuide(params.code, { includeUnpublished: true }),
  })
  .route({
    method: 'put', path: '/staff/guides/:code', summary: 'Edit a guide (a new version)', tags: ['guides', 'staff'], auth: true,
    use: [admin], params: CodeParams, body: GuideUpdateSchema,
    handler: (ctx, { params, body }) => updateGuide(staff(ctx), params.code, body.guide),
  })
  .route({
    method: 'post', path: '/staff/guides/:code/publish', summary: 'Publish a guide', tags: ['guides', 'staff'], auth: true,
    use: [admin], params: CodeParams,
    handler: (ctx, { params }) => setGuideStatus(staff(ctx), params.code, 'published'),
  })
  .route({
    method: 'post', path: '/staff/guides/:code/retire', summary: 'Retire a guide', tags: ['guides', 'staff'], auth: true,
    use: [admin], params: CodeParams,
    handler: (ctx, { params }) => setGuideStatus(staff(ctx), params.code, 'retired'),
  })
  .route({
    method: 'get', path: '/staff/guides/:code/versions', summary: 'Version history of a guide', tags: ['guides', 'staff'], auth: true,
    use: [admin], params: CodeParams,
    handler: (_ctx, { params }) => guideHistory(params.code),
  });
