/** Applications (办件): public status query, the resident's own, online submission, material uploads. */
import { api, upload } from './api';

export type Light = 'green' | 'yellow' | 'red';

export type ApplicationState =
  | 'submitted'
  | 'accepted'
  | 'supplement_requested'
  | 'not_accepted'
  | 'under_review'
  | 'approved'
  | 'rejected'
  | 'result_ready'
  | 'completed';

export interface TimelineEntry {
  at: string;
  action: string;
  actionName: string;
  state: ApplicationState | null;
  note?: string | null;
  by?: string | null;
}

/** Fields every reader gets. */
export interface ApplicationCommon {
  number: string;
  guideCode: string;
  guideName: string;
  department: string;
  state: ApplicationState;
  stateName: string;
  channel: string;
  servicePoint: string;
  acceptedOn: string | null;
  /** YYYY-MM-DD, pauses and extensions included. */
  promisedDate: string | null;
  light: Light | null;
  lightName: string | null;
  paused: { reason: string; since: string } | null;
  completedOn: string | null;
  createdAt: string;
  timeline: TimelineEntry[];
}

export interface ApplicationMaterial {
  index: number;
  name: string;
  required: boolean;
  checked: boolean;
  files: Array<{ id: string; name: string; size: number }>;
}

export interface OwnApplication extends ApplicationCommon {
  applicant: { name: string; phone: string };
  materials: ApplicationMaterial[];
  decision: { outcome: string; reason: string | null; at: string } | null;
  result: { pickup: string } | null;
}

/** States in which the applicant may still upload materials. */
export const UPLOAD_STATES: ApplicationState[] = ['submitted', 'supplement_requested'];

export const queryStatus = (number: string, phoneLast4: string) =>
  api.get<ApplicationCommon>(`/api/v1/applications/${encodeURIComponent(number.trim())}/status`, { phoneLast4 });

export async function listMyApplications(): Promise<OwnApplication[]> {
  return (await api.get<{ items: OwnApplication[] }>('/api/v1/applications/mine')).items;
}

export const getMyApplication = (number: string) => api.get<OwnApplication>(`/api/v1/applications/${encodeURIComponent(number)}`);

export const submitApplication = (guideCode: string, servicePointId?: string) =>
  api.post<OwnApplication>('/api/v1/applications', { guideCode, servicePointId });

export interface ChosenUpload {
  filePath: string;
  fileName?: string;
  /** The browser's File, when there is one. */
  browserFile?: Blob;
}

export const uploadMaterial = (number: string, index: number, file: ChosenUpload) =>
  upload<OwnApplication>(`/api/v1/applications/${encodeURIComponent(number)}/materials/${index}`, { ...file, field: 'files' });
