/** New applications: registered by a clerk for a walk-in, or submitted online by a resident. */
import { ApplicationModel } from '../../models/application';
import { GuideModel } from '../../models/guide';
import { ServicePointModel } from '../../models/service-point';
import { AppError, badRequest, notFound } from '../errors';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { loadResident } from '../identity/residents';
import { decryptPersonal, encryptPersonal, lookupHash } from '../privacy/crypto';
import { maskName, maskPhone } from '../privacy/mask';
import { normalizeMobile } from '../privacy/validators';
import { newApplicationNumber } from './numbers';
import { presentForApplicant, presentForStaff } from './presenter';
import { isDuplicateKey } from '../db/errors';

async function publishedGuide(code: string) {
  const guide = await GuideModel.findOne({ code, status: 'published' }).lean();
  if (!guide) throw notFound('guide.not_found', '未找到该办事事项');
  return guide;
}

async function resolvePoint(guide: Awaited<ReturnType<typeof publishedGuide>>, requested?: string) {
  const code = requested ?? guide.handledAt[0]?.point ?? 'banner-hall';
  const handled = guide.handledAt.find((h) => h.point === code);
  if (requested && !handled) throw badRequest('application.point_not_handling', '该网点不受理此事项，请选择其他网点');
  const point = await ServicePointModel.findOne({ code, active: true }).lean();
  if (!point) throw notFound('service_point.not_found', '未找到该服务网点');
  return { code, windowCode: handled?.windows[0] };
}

async function insert(doc: Record<string, unknown>) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await ApplicationModel.create({ ...doc, number: newApplicationNumber() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // a number collision: draw again
    }
  }
  throw new AppError(503, 'service.unavailable', '服务暂时繁忙，请稍后重试', undefined, 1);
}

function baseFields(guide: Awaited<ReturnType<typeof publishedGuide>>) {
  return {
    guideCode: guide.code,
    guideName: guide.name,
    department: guide.department,
    singleWindow: guide.window,
    caseType: guide.caseType,
    promisedDays: guide.promisedTimeLimitDays,
    legalDays: guide.legalTimeLimitDays,
    materials: guide.materials.map((m) => ({ name: m.name, required: m.required, files: [], checked: false })),
    state: 'submitted',
  };
}

export async function registerWalkIn(actor: StaffActor, input: { guideCode: string; applicant: { name: string; phone: string }; servicePointId?: string; channel?: 'window' | 'village_agency' }) {
  const guide = await publishedGuide(input.guideCode);
  const phone = normalizeMobile(input.applicant.phone);
  if (!phone) throw badRequest('application.phone_invalid', '申请人手机号码格式不正确');
  const name = input.applicant.name.trim();
  const point = await resolvePoint(guide, input.servicePointId ?? actor.servicePoint);
  const app = await insert({
    ...baseFields(guide),
    applicant: { nameEnc: encryptPersonal(name), nameMasked: maskName(name), phoneEnc: encryptPersonal(phone), phoneHash: lookupHash('phone', phone), phoneMasked: maskPhone(phone) },
    channel: input.channel ?? 'window',
    servicePoint: point.code,
    windowCode: actor.window ?? point.windowCode,
    timeline: [{ at: new Date(), action: 'register', to: 'submitted', by: { kind: 'staff', staffId: actor.staffId, name: actor.username } }],
  });
  await recordAudit(actor, 'application.register', { type: 'application', id: app.number });
  return presentForStaff(app.toObject(), new Date());
}

export async function submitOnline(actor: ResidentActor, input: { guideCode: string; servicePointId?: string }) {
  const user = await loadResident(actor);
  if (!user.realName?.idHash) throw new AppError(403, 'identity.real_name_required', '网上申报需要先完成实名认证');
  if (!user.phoneEnc) throw new AppError(403, 'identity.phone_required', '网上申报需要先验证手机号码，以便接收办理结果');
  const guide = await publishedGuide(input.guideCode);
  if (!guide.online) throw badRequest('application.not_online', '该事项暂不支持网上申报，请预约到窗口办理');
  const point = await resolvePoint(guide, input.servicePointId);
  const name = decryptPersonal(user.realName.nameEnc!);
  const phone = decryptPersonal(user.phoneEnc);
  const app = await insert({
    ...baseFields(guide),
    applicant: { userId: String(user._id), nameEnc: encryptPersonal(name), nameMasked: maskName(name), phoneEnc: encryptPersonal(phone), phoneHash: lookupHash('phone', phone), phoneMasked: maskPhone(phone) },
    channel: 'online',
    servicePoint: point.code,
    windowCode: point.windowCode,
    timeline: [{ at: new Date(), action: 'submit', to: 'submitted', by: { kind: 'resident' } }],
  });
  return presentForApplicant(app.toObject(), new Date());
}
