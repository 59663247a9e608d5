/**
 * The one way demo guides are written: each single window's file lists its departments and calls
 * `guideBuilder` for a `guide()` that fills in the fields every guide of that window shares
 * (window, hall location, hours, phones, codes from the department's credit code, defaults).
 */
import type { SingleWindow } from '../../../models/guide';
import type { SeedGuide } from './index';

export const HOURS = '工作日 09:00-12:00, 14:30-17:30（法定节假日休息，周六上午可预约延时服务）';
export const FREE = { charged: false, standard: '不收费', basis: '本事项不收取任何费用' };
export const TOWNSHIPS = ['xuejiawan', 'shagedu', 'dalu', 'narisong', 'longkou', 'zhungeerzhao', 'shierliancheng'];
export const VILLAGES = ['dalu-xiaotanzi', 'shagedu-shagedu', 'xuejiawan-dongcheng', 'longkou-majiata', 'shierliancheng-liulin'];

/** An implementing department: name, (illustrative) unified social credit code, inquiry phone. */
export interface Department {
  name: string;
  credit: string;
  phone: string;
}

export interface WindowSetup<D extends string> {
  window: SingleWindow;
  /** The banner hall's window code for this single window. */
  hallWindow: string;
  hallLocation: string;
  complaintPhone: string;
  departments: Record<D, Department>;
}

export type Audience = 'individual' | 'legal_person';

export interface MaterialInput {
  name: string;
  required?: boolean;
  form?: 'paper' | 'electronic' | 'both';
  copies?: number;
  source?: string;
  notes?: string;
  /** The application form itself: gets links to the blank form and a filled-in sample. */
  applicationForm?: boolean;
}

export interface GuideInput<D extends string> {
  dept: D;
  baseCode: string;
  name: string;
  type: string;
  entrustedDepartment?: string;
  legalBasis: string[];
  conditions: string[];
  legalDays: number;
  promisedDays: number;
  fees?: { charged: boolean; standard: string; basis: string };
  materials: MaterialInput[];
  steps: string[];
  location?: string;
  tripsRequired: number;
  specialProcedures?: { name: string; limitDays: number }[];
  audiences: Audience[];
  level?: string;
  bookable?: boolean;
  online: boolean;
  express: boolean;
  scope: string;
  faqs: [question: string, answer: string][];
  lifeEvents: string[];
  keywords: string[];
  handledAt?: { point: string; windows: string[] }[];
}

export function guideBuilder<D extends string>(window: WindowSetup<D>): (i: GuideInput<D>) => SeedGuide {
  return (i) => {
    const dept = window.departments[i.dept];
    const code = `${dept.credit}4${i.baseCode}`;
    return {
      code,
      baseCode: i.baseCode,
      name: i.name,
      type: i.type,
      window: window.window,
      department: dept.name,
      entrustedDepartment: i.entrustedDepartment ?? '',
      legalBasis: i.legalBasis,
      conditions: i.conditions,
      legalTimeLimitDays: i.legalDays,
      promisedTimeLimitDays: i.promisedDays,
      caseType: i.promisedDays === 0 ? 'immediate' : 'promised',
      fees: i.fees ?? FREE,
      materials: i.materials.map(({ applicationForm, ...m }) => ({
        required: true,
        form: 'both',
        copies: 1,
        source: '申请人自备',
        ...m,
        ...(applicationForm ? { blankFormUrl: `/forms/${code}-blank.pdf`, sampleUrl: `/forms/${code}-sample.pdf` } : {}),
      })),
      steps: i.steps,
      location: i.location ?? window.hallLocation,
      hours: HOURS,
      inquiryPhone: dept.phone,
      complaintPhone: window.complaintPhone,
      tripsRequired: i.tripsRequired,
      specialProcedures: (i.specialProcedures ?? []).map((p) => ({ ...p, countsInTimeLimit: false })),
      audiences: i.audiences,
      level: i.level ?? '县级',
      bookable: i.bookable ?? true,
      online: i.online,
      express: i.express,
      scope: i.scope,
      faqs: i.faqs.map(([question, answer]) => ({ question, answer })),
      lifeEvents: i.lifeEvents,
      keywords: i.keywords,
      handledAt: i.handledAt ?? [{ point: 'banner-hall', windows: [window.hallWindow] }],
    };
  };
}
