/**
 * Rating a finished case once (一事一评). The case's own domain, through the registry, says who may
 * rate it and whether it is finished; a bad rating opens a rectification with its deadline.
 */
import { RatingModel, type RatingRecord } from '../../models/rating';
import { addWorkingDays, chinaDate, loadCalendarOverrides } from '../calendar/working-days';
import { badRequest, conflict, notFound } from '../errors';
import type { ResidentActor } from '../identity/actor';
import { presentRatingForResident } from './presenter';
import { rateableTypes, resolverFor } from './registry';
import { BAD_RATING_MAX, RATING_RULES, type RatingIndicator, type RatingLevel } from './rules';
import { isDuplicateKey } from '../db/errors';

export interface RatingInput {
  caseType: string;
  caseId: string;
  level: RatingLevel;
  indicators?: Partial<Record<RatingIndicator, number>>;
  comment?: string;
}

export async function isRated(caseType: string, caseId: string): Promise<boolean> {
  return Boolean(await RatingModel.exists({ caseType, caseId }));
}

export async function rateCase(actor: ResidentActor, input: RatingInput, now = new Date()) {
  const resolve = resolverFor(input.caseType);
  if (!resolve) throw badRequest('rating.case_type_unknown', '不支持评价该类事项', { caseTypes: rateableTypes() });
  const found = await resolve(input.caseId, actor);
  // Someone else's case answers like a missing one.
  if (!found || found.residentUserId !== actor.userId) throw notFound('rating.case_not_found', '未找到您办理的该事项');
  if (!found.finished) throw conflict('rating.not_finished', '事项办结后才能评价');
  if (await isRated(found.type, found.id)) throw conflict('rating.already_rated', '该事项已评价过，每件事只能评价一次');
  const bad = input.level <= BAD_RATING_MAX;
  if (bad) await loadCalendarOverrides();
  try {
    const rating = await RatingModel.create({
      caseType: found.type,
      caseId: found.id,
      label: found.label,
      userId: actor.userId,
      level: input.level,
      indicators: input.indicators,
      comment: input.comment?.trim() || undefined,
      channel: actor.channel,
      anonymous: Boolean(found.anonymous),
      department: found.department,
      window: found.window,
      guideCode: found.guideCode,
      ratedAt: now,
      rectification: bad ? { status: 'open', openedAt: now, dueDate: addWorkingDays(chinaDate(now), RATING_RULES.rectificationWorkingDays) } : undefined,
    });
    return presentRatingForResident(rating.toObject() as RatingRecord);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('rating.already_rated', '该事项已评价过，每件事只能评价一次');
    throw err;
  }
}
