/**
 * The kinds of case residents can rate (一事一评). A domain registers its kind once with a resolver
 * that says, for a case id and the acting resident, who the case belongs to, whether it is
 * finished, and where it was handled (for the statistics). Ratings know nothing else about cases.
 *
 *   registerRateable('booking', async (id, actor) => { ...; return { type: 'booking', id, ... } });
 */
import type { Actor } from '../identity/actor';

export interface RateableCase {
  type: string;
  id: string;
  /** The resident account that may rate it; null when no account owns it. */
  residentUserId: string | null;
  /** Only finished cases (an approved application, a served booking, a closed complaint) are rated. */
  finished: boolean;
  department?: string;
  /** Window, as `<service point>:<window code>` or the window's name. */
  window?: string;
  /** The service guide (办事指南) item code. */
  guideCode?: string;
  /** A short human label, e.g. "投诉 TS20261013K7M2Q9XA". */
  label: string;
  /** Filed anonymously: staff may never learn who rated it (no call-back number is released). */
  anonymous?: boolean;
}

/** Returns the case, or null when there is no such case (or the actor may not know it exists). */
export type RateableResolver = (caseId: string, actor: Actor) => Promise<RateableCase | null>;

const resolvers = new Map<string, RateableResolver>();

export function registerRateable(type: string, resolve: RateableResolver): void {
  if (!/^[a-z][a-z0-9_-]{1,31}$/.test(type)) throw new Error(`rateable type "${type}" must be a short lower-case identifier`);
  resolvers.set(type, resolve);
}

export function rateableTypes(): string[] {
  return [...resolvers.keys()];
}

export function resolverFor(type: string): RateableResolver | undefined {
  return resolvers.get(type);
}
