/** Application routes: online submission and uploads, status queries, staff registration, transitions, supervision. */
import { z } from 'zod';
import { unauthorized } from '../errors';
import { acceptUploads } from '../files/upload';
import { ApiRouter } from '../http/routes';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { actorOf, requireResident, requireStaff } from '../identity/middleware';
import { downloadMaterial, MATERIAL_MAX_BYTES, MATERIAL_MAX_FILES, uploadMaterials } from './materials';
import { myApplication, myApplications, publicStatus, revealApplicant, staffApplication, staffInbox } from './queries';
import { registerWalkIn, submitOnline } from './register';
import * as s from './schema';
import { supervisionDashboard } from './supervision';
import { applyTransition } from './transitions';
import './rateable';

const staff = (ctx: Parameters<typeof actorOf>[0]) => actorOf(ctx) as StaffActor;
const resident = (ctx: Parameters<typeof actorOf>[0]) => actorOf(ctx) as ResidentActor;

export const applicationRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get', path: '/applications/:number/status', summary: 'Public status query: number + last four digits of the phone', tags: ['applications'],
    params: s.NumberParams, query: s.StatusQuery,
    handler: (ctx, { params, query }) => publicStatus(actorOf(ctx), params.number, query.phoneLast4),
  })
  .route({
    method: 'post', path: '/applications', summary: 'Submit an application online (real-name residents)', tags: ['applications'], auth: true, status: 201,
    use: [requireResident], body: s.SubmitSchema,
    handler: (ctx, { body }) => submitOnline(resident(ctx), body),
  })
  .route({
    method: 'get', path: '/applications/mine', summary: "The resident's applications", tags: ['applications'], auth: true,
    use: [requireResident],
    handler: (ctx) => myApplications(resident(ctx)),
  })
  .route({
    method: 'get', path: '/applications/:number', summary: 'One of the resident\'s applications with its timeline', tags: ['applications'], auth: true,
    use: [requireResident], params: s.NumberParams,
    handler: (ctx, { params }) => myApplication(resident(ctx), params.number),
  })
  .route({
    method: 'post', path: '/applications/:number/materials/:index', summary: 'Upload files for one material (multipart, field "files")', tags: ['applications'], auth: true,
    use: [requireResident, acceptUploads({ maxFiles: MATERIAL_MAX_FILES, maxFileBytes: MATERIAL_MAX_BYTES })],
    params: s.NumberParams.extend({ index: z.coerce.number().int().min(0).max(100) }),
    handler: (ctx, { params }) => uploadMaterials(resident(ctx), params.number, params.index, ctx.state.uploads ?? []),
  })
  .route({
    method: 'get', path: '/applications/:number/files/:fileId', summary: 'Download an uploaded material', tags: ['applications'], auth: true,
    params: s.NumberParams.extend({ fileId: z.string().max(64) }),
    handler: async (ctx, { params }) => {
      const actor = actorOf(ctx);
      if (actor.kind !== 'resident' && actor.kind !== 'staff') throw unauthorized();
      const file = await downloadMaterial(actor, params.number, params.fileId);
      ctx.type = file.mime;
      ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      ctx.body = file.stream;
    },
  })
  .route({
    method: 'post', path: '/staff/applications', summary: 'Register a walk-in application (clerks)', tags: ['applications', 'staff'], auth: true, status: 201,
    use: [requireStaff('clerk')], body: s.RegisterSchema,
    handler: (ctx, { body }) => registerWalkIn(staff(ctx), body),
  })
  .route({
    method: 'get', path: '/staff/applications', summary: 'Work list, most urgent first', tags: ['applications', 'staff'], auth: true,
    use: [requireStaff('clerk', 'approver', 'supervisor')], query: s.InboxQuery,
    handler: (ctx, { query }) => staffInbox(staff(ctx), query),
  })
  .route({
    method: 'get', path: '/staff/applications/:number', summary: 'One application (masked applicant)', tags: ['applications', 'staff'], auth: true,
    use: [requireStaff('clerk', 'approver', 'supervisor')], params: s.NumberParams,
    handler: (_ctx, { params }) => staffApplication(params.number),
  })
  .route({
    method: 'get', path: '/staff/applications/:number/applicant', summary: "The applicant's full name and phone (audited)", tags: ['applications', 'staff'], auth: true,
    use: [requireStaff('clerk', 'approver', 'supervisor')], params: s.NumberParams,
    handler: (ctx, { params }) => revealApplicant(staff(ctx), params.number),
  })
  .route({
    method: 'post', path: '/staff/applications/:number/transitions', summary: 'Move an application through its flow', tags: ['applications', 'staff'], auth: true,
    use: [requireStaff('clerk', 'approver', 'supervisor')], params: s.NumberParams, body: s.TransitionSchema,
    handler: (ctx, { params, body }) => applyTransition(staff(ctx), params.number, body),
  })
  .route({
    method: 'get', path: '/staff/supervision/applications', summary: 'Supervision dashboard: lights, departments, windows, on-time rate, overdue list', tags: ['applications', 'supervision'], auth: true,
    use: [requireStaff('supervisor')], query: s.DashboardQuery,
    handler: (_ctx, { query }) => supervisionDashboard(query),
  });
