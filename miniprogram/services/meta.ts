/** The service center's public facts (`GET /api/v1/meta`), shown on the home page. */
import { api } from './api';

export interface CenterWindow {
  code: string;
  name: string;
}

export interface CenterMeta {
  name: string;
  center: string;
  windows: CenterWindow[];
}

export function fetchCenterMeta(): Promise<CenterMeta> {
  return api.get<CenterMeta>('/api/v1/meta');
}
