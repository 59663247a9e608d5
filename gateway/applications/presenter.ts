/** What leaves the server about an application, for each reader. */
import type { Application } from '../../models/application';
import type { ApplicationState } from '../../models/application';
import { LIGHT_NAMES } from '../supervision/lights';
import { applicationLight, effectiveDeadline } from './clock';
import { ACTION_NAMES, STATE_NAMES } from './states';

type App = Application & { _id: unknown };

function common(a: App, now: Date) {
  const light = applicationLight(a, now);
  return {
    number: a.number,
    guideCode: a.guideCode,
    guideName: a.guideName,
    department: a.department,
    state: a.state,
    stateName: STATE_NAMES[a.state as ApplicationState],
    channel: a.channel,
    servicePoint: a.servicePoint,
    acceptedOn: a.clock?.startedOn ?? null,
    promisedDate: effectiveDeadline(a, now) ?? null,
    light: light ?? null,
    lightName: light ? LIGHT_NAMES[light] : null,
    paused: a.pause?.since ? { reason: a.pause.reason, since: a.pause.since } : null,
    completedOn: a.completedOn ?? null,
    createdAt: a.createdAt,
  };
}

/** Public status query: no personal data, no staff names, no notes. */
export function presentPublicStatus(a: App, now: Date) {
  return {
    ...common(a, now),
    timeline: a.timeline.map((e) => ({ at: e.at, action: e.action, actionName: ACTION_NAMES[e.action as keyof typeof ACTION_NAMES] ?? e.action, state: e.to ?? null })),
  };
}

/** The applicant's own view: the timeline with notes meant for them, the checklist, the decision. */
export function presentForApplicant(a: App, now: Date) {
  return {
    ...common(a, now),
    applicant: { name: a.applicant!.nameMasked, phone: a.applicant!.phoneMasked },
    materials: a.materials.map((m, index) => ({ index, name: m.name, required: m.required, checked: m.checked, files: m.files.map((f) => ({ id: f.id, name: f.name, size: f.size })) })),
    decision: a.decision?.outcome ? { outcome: a.decision.outcome, reason: a.decision.reason ?? null, at: a.decision.at } : null,
    result: a.result?.pickup ? { pickup: a.result.pickup } : null,
    timeline: a.timeline.map((e) => ({ at: e.at, action: e.action, actionName: ACTION_NAMES[e.action as keyof typeof ACTION_NAMES] ?? e.action, state: e.to ?? null, note: e.note ?? null })),
  };
}

/** Staff view: masks only (the full applicant is a separate, audited read). */
export function presentForStaff(a: App, now: Date) {
  return {
    ...presentForApplicant(a, now),
    caseType: a.caseType,
    promisedDays: a.promisedDays,
    legalDeadline: a.clock?.legalDeadline ?? null,
    windowCode: a.windowCode ?? null,
    assignee: a.assignee?.staffId ? { staffId: a.assignee.staffId, name: a.assignee.name } : null,
    extensionRequest: a.extensionRequest?.days ? { days: a.extensionRequest.days, reason: a.extensionRequest.reason, by: a.extensionRequest.by } : null,
    escalatedAt: a.escalatedAt ?? null,
    timeline: a.timeline.map((e) => ({ at: e.at, action: e.action, actionName: ACTION_NAMES[e.action as keyof typeof ACTION_NAMES] ?? e.action, from: e.from ?? null, state: e.to ?? null, by: e.by?.name ?? null, note: e.note ?? null })),
  };
}
