/** Material uploads for online applications (and supplements): checked, stored in GridFS, listed on the case. */
import { ApplicationModel } from '../../models/application';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { hasRole } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { storeFile, openFile } from '../files/store';
import type { UploadedPart } from '../files/upload';
import { loadOwnApplication } from './queries';
import { presentForApplicant } from './presenter';

export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
export const MATERIAL_MAX_FILES = 5;
const UPLOAD_STATES = ['submitted', 'supplement_requested'];

export async function uploadMaterials(actor: ResidentActor, number: string, materialIndex: number, files: UploadedPart[]) {
  const app = await loadOwnApplication(actor, number);
  if (!UPLOAD_STATES.includes(app.state)) throw conflict('application.upload_closed', '办件当前状态不能上传材料');
  if (!files.length) throw badRequest('file.missing', '请选择要上传的文件');
  const material = app.materials[materialIndex];
  if (!material) throw badRequest('application.material_unknown', '没有这项材料，请刷新后重试');
  if (material.files.length + files.length > MATERIAL_MAX_FILES) throw badRequest('file.too_many', `每项材料最多上传 ${MATERIAL_MAX_FILES} 个文件`);
  const stored = [];
  for (const f of files) {
    stored.push(await storeFile({ data: f.data, name: f.name, owner: { type: 'application', id: number }, allowed: ['jpeg', 'png', 'webp', 'pdf'], maxBytes: MATERIAL_MAX_BYTES }));
  }
  const event = { at: new Date(), action: 'supply', from: app.state, to: app.state, by: { kind: 'resident' }, note: `上传“${material.name}”${stored.length}个文件` };
  await ApplicationModel.updateOne(
    { _id: app._id },
    { $push: { [`materials.${materialIndex}.files`]: { $each: stored.map((s) => ({ id: s.id, name: s.name, mime: s.mime, size: s.size, at: new Date() })) }, timeline: event } },
  );
  return presentForApplicant((await ApplicationModel.findById(app._id).lean())!, new Date());
}

/** Downloads a material file: its applicant, or staff (audited: materials hold personal data). */
export async function downloadMaterial(actor: ResidentActor | StaffActor, number: string, fileId: string) {
  const app = actor.kind === 'resident' ? await loadOwnApplication(actor, number) : await ApplicationModel.findOne({ number }).lean();
  if (!app) throw notFound('application.not_found', '未找到该办件');
  if (!app.materials.some((m) => m.files.some((f) => f.id === fileId))) throw notFound('file.not_found', '文件不存在');
  if (actor.kind === 'staff') {
    if (!hasRole(actor, 'clerk', 'approver', 'supervisor')) throw forbidden();
    await recordAudit(actor, 'application.read_material', { type: 'application', id: number }, { fileId });
  }
  return openFile(fileId);
}
