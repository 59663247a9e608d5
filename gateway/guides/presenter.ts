/** What leaves the server about a guide: a summary for lists, everything for the detail page. */
import type { Guide } from '../../models/guide';
import { SINGLE_WINDOW_NAMES } from '../meta/routes';

export const CASE_TYPE_NAMES = { immediate: '即办件', promised: '承诺件' } as const;

export function presentGuideSummary(g: Guide) {
  return {
    code: g.code,
    name: g.name,
    type: g.type,
    window: g.window,
    windowName: SINGLE_WINDOW_NAMES[g.window],
    department: g.department,
    caseType: g.caseType,
    promisedTimeLimitDays: g.promisedTimeLimitDays,
    tripsRequired: g.tripsRequired,
    charged: Boolean(g.fees?.charged),
    online: g.online,
    bookable: g.bookable,
    lifeEvents: g.lifeEvents,
  };
}

export type GuideSummary = ReturnType<typeof presentGuideSummary>;

export function presentGuideDetail(g: Guide, points: Array<{ code: string; name: string; level: string; address: string; phone: string | null; openingHours: unknown; windows: Array<{ code: string; name: string }> }>) {
  return {
    ...presentGuideSummary(g),
    baseCode: g.baseCode ?? null,
    entrustedDepartment: g.entrustedDepartment || null,
    legalBasis: g.legalBasis,
    conditions: g.conditions,
    legalTimeLimitDays: g.legalTimeLimitDays,
    caseTypeName: CASE_TYPE_NAMES[g.caseType],
    fees: { charged: Boolean(g.fees?.charged), standard: g.fees?.standard ?? null, basis: g.fees?.basis ?? null },
    materials: g.materials.map((m) => ({
      name: m.name,
      required: m.required,
      form: m.form,
      copies: m.copies,
      source: m.source ?? null,
      blankFormUrl: m.blankFormUrl ?? null,
      sampleUrl: m.sampleUrl ?? null,
      notes: m.notes ?? null,
    })),
    steps: g.steps,
    location: g.location ?? null,
    hours: g.hours ?? null,
    inquiryPhone: g.inquiryPhone ?? null,
    complaintPhone: g.complaintPhone ?? null,
    specialProcedures: g.specialProcedures.map((p) => ({ name: p.name, limitDays: p.limitDays ?? null, countsInTimeLimit: p.countsInTimeLimit })),
    audiences: g.audiences,
    level: g.level,
    express: g.express,
    scope: g.scope ?? null,
    faqs: g.faqs.map((f) => ({ question: f.question, answer: f.answer })),
    keywords: g.keywords,
    status: g.status,
    version: g.version,
    updatedAt: g.updatedAt,
    /** Where and when: each service point that handles it, with the windows and opening hours. */
    handledAt: points,
  };
}
