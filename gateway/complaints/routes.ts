/**
 * Complaint routes for residents, the bot and staff. Filing works signed in (resident token, bot
 * with a bound or unbound chat user) or with just a phone; following works for the signed-in filer
 * or with the tracking number and the phone's last four digits.
 */
import type { Context } from 'koa';
import { COMPLAINT_CATEGORIES, COMPLAINT_TYPES, type ComplaintRecord } from '../../models/complaint';
import { acceptUploads } from '../files/upload';
import { ApiRouter } from '../http/routes';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { actorOf, requireResident, requireStaff } from '../identity/middleware';
import { rateLimit } from '../limits/rate-limit';
import { loadForFollower, loadForStaff } from './access';
import { fileComplaint } from './filing';
import { addInformation, addPhotos, confirmAnswer, listMyComplaints, lookupComplaint, openComplaintPhoto, reopenComplaint } from './following';
import { acknowledgeComplaint, assignComplaint, closeComplaint, getForStaff, listForStaff, replyToComplaint } from './handling';
import { presentForHandler } from './handler-presenter';
import { presentForResident } from './presenter';
import { CATEGORY_INFO, COMPLAINT_RULES, TYPE_NAMES } from './rules';
import * as s from './schema';
import { complaintStats } from './stats';
// Registers closed complaints with the ratings registry.
import './rateable';

const staff = (ctx: Context) => actorOf(ctx) as StaffActor;
const filing = rateLimit('complaint-file', { account: [{ limit: 10, windowSeconds: 3600 }], address: [{ limit: 30, windowSeconds: 3600 }] });
const following = rateLimit('complaint-follow', { account: [{ limit: 60, windowSeconds: 3600 }], address: [{ limit: 120, windowSeconds: 3600 }] });
const photos = acceptUploads({ maxFiles: COMPLAINT_RULES.photos.max, maxFileBytes: COMPLAINT_RULES.photos.maxBytes });
const supervisor = requireStaff('supervisor');
const anyStaff = requireStaff();

async function sendPhoto(ctx: Context, c: ComplaintRecord, fileId: string) {
  const file = await openComplaintPhoto(c, fileId);
  ctx.type = file.mime;
  ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = file.stream;
}

export const complaintRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get', path: '/complaints/categories', summary: 'Types, categories and answer deadlines', tags: ['complaints'],
    handler: () => ({
      types: COMPLAINT_TYPES.map((code) => ({ code, name: TYPE_NAMES[code], deadlines: COMPLAINT_RULES.deadlines[code] })),
      categories: COMPLAINT_CATEGORIES.map((code) => ({ code, name: CATEGORY_INFO[code].name, description: CATEGORY_INFO[code].description })),
      photos: { max: COMPLAINT_RULES.photos.max, maxBytes: COMPLAINT_RULES.photos.maxBytes },
    }),
  })
  .route({
    method: 'post', path: '/complaints', summary: 'File a complaint, consultation or suggestion', tags: ['complaints'], status: 201,
    use: [filing], body: s.FileComplaintSchema,
    handler: async (ctx, { body }) => presentForResident(await fileComplaint(actorOf(ctx), body), { rated: false }),
  })
  .route({
    method: 'get', path: '/me/complaints', summary: "The signed-in resident's own items", tags: ['complaints'], auth: true,
    use: [requireResident], query: s.PageQuery,
    handler: (ctx, { query }) => listMyComplaints(actorOf(ctx) as ResidentActor, query),
  })
  .route({
    method: 'get', path: '/complaints/:trackingNumber', summary: 'Status and answers (the filer, or tracking number + phone last four)', tags: ['complaints'],
    params: s.TrackingParams, query: s.HolderQuery,
    handler: (ctx, { params, query }) => lookupComplaint(actorOf(ctx), params.trackingNumber, query.phoneLast4),
  })
  .route({
    method: 'post', path: '/complaints/:trackingNumber/information', summary: 'Add information', tags: ['complaints'],
    use: [following], params: s.TrackingParams, body: s.InformationSchema,
    handler: (ctx, { params, body }) => addInformation(actorOf(ctx), params.trackingNumber, body),
  })
  .route({
    method: 'post', path: '/complaints/:trackingNumber/photos', summary: 'Add photos (multipart, field "photos"; at most 5 per item)', tags: ['complaints'],
    use: [following, photos], params: s.TrackingParams, query: s.HolderQuery,
    handler: (ctx, { params, query }) => addPhotos(actorOf(ctx), params.trackingNumber, { phoneLast4: query.phoneLast4, files: ctx.state.uploads ?? [] }),
  })
  .route({
    method: 'get', path: '/complaints/:trackingNumber/photos/:fileId', summary: 'A photo of the item (the filer, or with phone last four)', tags: ['complaints'],
    params: s.PhotoParams, query: s.HolderQuery,
    handler: async (ctx, { params, query }) => sendPhoto(ctx, await loadForFollower(actorOf(ctx), params.trackingNumber, query.phoneLast4), params.fileId),
  })
  .route({
    method: 'post', path: '/complaints/:trackingNumber/confirm', summary: 'Confirm the answer (closes the item)', tags: ['complaints'],
    use: [following], params: s.TrackingParams, body: s.ConfirmSchema,
    handler: (ctx, { params, body }) => confirmAnswer(actorOf(ctx), params.trackingNumber, body),
  })
  .route({
    method: 'post', path: '/complaints/:trackingNumber/reopen', summary: 'Ask for the item to be handled again', tags: ['complaints'],
    use: [following], params: s.TrackingParams, body: s.ReopenSchema,
    handler: (ctx, { params, body }) => reopenComplaint(actorOf(ctx), params.trackingNumber, body),
  })
  .route({
    method: 'post', path: '/staff/complaints', summary: 'Record a complaint received by phone', tags: ['complaints', 'staff'], auth: true, status: 201,
    use: [anyStaff], body: s.RecordCallSchema,
    handler: async (ctx, { body }) => presentForHandler(await fileComplaint(staff(ctx), body), new Date()),
  })
  .route({
    method: 'get', path: '/staff/complaints', summary: 'Work list: supervisors all, department staff their own', tags: ['complaints', 'staff'], auth: true,
    use: [anyStaff], query: s.StaffListQuery,
    handler: (ctx, { query }) => listForStaff(staff(ctx), query),
  })
  .route({
    method: 'get', path: '/staff/complaints/stats', summary: 'Supervision statistics by department, type, category and channel', tags: ['complaints', 'staff'], auth: true,
    use: [supervisor], query: s.StatsQuery,
    handler: (_ctx, { query }) => complaintStats(query),
  })
  .route({
    method: 'get', path: '/staff/complaints/:trackingNumber', summary: 'One item (never the filer of an anonymous item)', tags: ['complaints', 'staff'], auth: true,
    use: [anyStaff], params: s.TrackingParams,
    handler: (ctx, { params }) => getForStaff(staff(ctx), params.trackingNumber),
  })
  .route({
    method: 'get', path: '/staff/complaints/:trackingNumber/photos/:fileId', summary: 'A photo of the item', tags: ['complaints', 'staff'], auth: true,
    use: [anyStaff], params: s.PhotoParams,
    handler: async (ctx, { params }) => sendPhoto(ctx, await loadForStaff(staff(ctx), params.trackingNumber), params.fileId),
  })
  .route({
    method: 'post', path: '/staff/complaints/:trackingNumber/acknowledge', summary: 'Acknowledge (supervisors)', tags: ['complaints', 'staff'], auth: true,
    use: [supervisor], params: s.TrackingParams, body: s.AcknowledgeSchema,
    handler: (ctx, { params, body }) => acknowledgeComplaint(staff(ctx), params.trackingNumber, body),
  })
  .route({
    method: 'post', path: '/staff/complaints/:trackingNumber/assign', summary: 'Assign to a department (supervisors)', tags: ['complaints', 'staff'], auth: true,
    use: [supervisor], params: s.TrackingParams, body: s.AssignSchema,
    handler: (ctx, { params, body }) => assignComplaint(staff(ctx), params.trackingNumber, body),
  })
  .route({
    method: 'post', path: '/staff/complaints/:trackingNumber/reply', summary: 'Answer (the assigned department or supervisors)', tags: ['complaints', 'staff'], auth: true,
    use: [anyStaff], params: s.TrackingParams, body: s.ReplySchema,
    handler: (ctx, { params, body }) => replyToComplaint(staff(ctx), params.trackingNumber, body),
  })
  .route({
    method: 'post', path: '/staff/complaints/:trackingNumber/close', summary: 'Close (supervisors)', tags: ['complaints', 'staff'], auth: true,
    use: [supervisor], params: s.TrackingParams, body: s.CloseSchema,
    handler: (ctx, { params, body }) => closeComplaint(staff(ctx), params.trackingNumber, body),
  });
