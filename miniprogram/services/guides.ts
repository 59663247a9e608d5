/** Guides (办事指南): search in residents' own words, type-ahead, the full guide, life events. */
import { api } from './api';
import type { ServicePointHours } from './service-points';

export type WindowCode = 'market_access' | 'construction' | 'agriculture' | 'social_affairs';

export interface GuideSummary {
  code: string;
  name: string;
  type: string;
  window: WindowCode;
  windowName: string;
  department: string;
  caseType: 'immediate' | 'promised';
  promisedTimeLimitDays: number;
  tripsRequired: number;
  charged: boolean;
  online: boolean;
  bookable: boolean;
  lifeEvents: string[];
}

export interface GuideMaterial {
  name: string;
  required: boolean;
  form: 'paper' | 'electronic' | 'both';
  copies: number;
  source: string | null;
  blankFormUrl: string | null;
  sampleUrl: string | null;
  notes: string | null;
}

/** A service point that handles the guide, with the windows that do. */
export interface GuidePlace {
  code: string;
  name: string;
  level: 'banner' | 'township' | 'village';
  address: string;
  phone: string | null;
  openingHours: ServicePointHours | null;
  location: { lng: number; lat: number } | null;
  windows: Array<{ code: string; name: string }>;
}

export interface GuideDetail extends GuideSummary {
  entrustedDepartment: string | null;
  legalBasis: string[];
  conditions: string[];
  legalTimeLimitDays: number;
  caseTypeName: string;
  fees: { charged: boolean; standard: string | null; basis: string | null };
  materials: GuideMaterial[];
  steps: string[];
  location: string | null;
  hours: string | null;
  inquiryPhone: string | null;
  complaintPhone: string | null;
  specialProcedures: Array<{ name: string; limitDays: number | null; countsInTimeLimit: boolean }>;
  audiences: Array<'individual' | 'legal_person'>;
  express: boolean;
  scope: string | null;
  faqs: Array<{ question: string; answer: string }>;
  handledAt: GuidePlace[];
}

export interface GuideFilters {
  q?: string;
  window?: WindowCode;
  lifeEvent?: string;
  point?: string;
  online?: boolean;
  bookable?: boolean;
}

export interface GuidePage {
  items: GuideSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Suggestion {
  code: string;
  name: string;
}

export function searchGuides(filters: GuideFilters, page = 1, pageSize = 10): Promise<GuidePage> {
  return api.get<GuidePage>('/api/v1/guides', { ...filters, q: filters.q?.trim() || undefined, page, pageSize });
}

export async function suggestGuides(q: string, limit = 8): Promise<Suggestion[]> {
  return (await api.get<{ items: Suggestion[] }>('/api/v1/guides/suggest', { q, limit })).items;
}

export function getGuide(code: string): Promise<GuideDetail> {
  return api.get<GuideDetail>(`/api/v1/guides/${encodeURIComponent(code)}`);
}

export async function listLifeEvents(): Promise<Array<{ name: string; count: number }>> {
  return (await api.get<{ items: Array<{ name: string; count: number }> }>('/api/v1/life-events')).items;
}
