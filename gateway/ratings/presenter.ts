/** Ratings as residents and staff see them. Staff views carry no resident account or phone. */
import type { RatingRecord } from '../../models/rating';
import { maskSensitiveText, redactSensitiveText } from '../privacy/mask';
import { lightFor, LIGHT_NAMES } from '../supervision/lights';
import { RATING_LEVELS, RATING_RULES, RECTIFICATION_STATUS_NAMES, type RatingLevel, type RectificationStatus } from './rules';

function indicatorsOf(r: RatingRecord) {
  const i = r.indicators ?? {};
  return { efficiency: i.efficiency ?? null, attitude: i.attitude ?? null, result: i.result ?? null, transparency: i.transparency ?? null, convenience: i.convenience ?? null };
}

export function presentRatingForResident(r: RatingRecord) {
  const status = r.rectification?.status as RectificationStatus | undefined;
  return {
    caseType: r.caseType,
    caseId: r.caseId,
    label: r.label,
    level: r.level,
    levelName: RATING_LEVELS[r.level as RatingLevel],
    indicators: indicatorsOf(r),
    comment: r.comment ?? null,
    ratedAt: r.ratedAt,
    rectification: status ? { status, statusName: RECTIFICATION_STATUS_NAMES[status] } : null,
  };
}

const staffRef = (by?: { name?: string | null } | null) => by?.name ?? null;

export function presentRatingForStaff(r: RatingRecord, now: Date) {
  const rect = r.rectification;
  const status = rect?.status as RectificationStatus | undefined;
  const light = rect && status === 'open' ? lightFor(rect.dueDate, now, RATING_RULES.warnWorkingDays) : null;
  return {
    id: String(r._id),
    caseType: r.caseType,
    caseId: r.caseId,
    label: r.label,
    level: r.level,
    levelName: RATING_LEVELS[r.level as RatingLevel],
    indicators: indicatorsOf(r),
    comment: r.comment ? (r.anonymous ? redactSensitiveText(r.comment) : maskSensitiveText(r.comment)) : null,
    channel: r.channel ?? null,
    anonymous: r.anonymous ?? false,
    department: r.department ?? null,
    window: r.window ?? null,
    guideCode: r.guideCode ?? null,
    ratedAt: r.ratedAt,
    rectification:
      rect && status
        ? {
            status,
            statusName: RECTIFICATION_STATUS_NAMES[status],
            openedAt: rect.openedAt,
            dueDate: rect.dueDate,
            light,
            lightName: light ? LIGHT_NAMES[light] : null,
            responses: (rect.responses ?? []).map((x) => ({ at: x.at, text: x.text, by: staffRef(x.by) })),
            reviews: (rect.reviews ?? []).map((x) => ({ at: x.at, approved: x.approved, note: x.note ?? null, by: staffRef(x.by) })),
            callbacks: (rect.callbacks ?? []).map((x) => ({ at: x.at, reached: x.reached, satisfied: x.satisfied ?? null, note: x.note ?? null, by: staffRef(x.by) })),
            closedAt: rect.closedAt ?? null,
            outcome: rect.outcome ?? null,
          }
        : null,
  };
}
