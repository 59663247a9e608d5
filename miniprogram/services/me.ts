/** The signed-in resident: profile, real-name binding, phone, own messages. */
import { api } from './api';

export interface ResidentProfile {
  id: string;
  /** Masked, e.g. 139****0001. */
  phone: string | null;
  phoneVerified: boolean;
  wechatBound: boolean;
  realName: { name: string; idNumber: string; boundAt: string } | null;
  chatBound: boolean;
  subscriptions: { topics: string[]; township: string | null };
}

export interface ResidentMessage {
  id: string;
  kind: string;
  text: string;
  status: string;
  createdAt: string;
}

export const fetchMe = () => api.get<ResidentProfile>('/api/v1/me');

export const bindRealName = (name: string, idNumber: string) => api.put<ResidentProfile>('/api/v1/me/real-name', { name, idNumber });

export const verifyPhone = (phone: string, code: string) => api.put<{ token: string; user: ResidentProfile }>('/api/v1/me/phone', { phone, code });

export async function listMyMessages(): Promise<ResidentMessage[]> {
  return (await api.get<{ items: ResidentMessage[] }>('/api/v1/me/messages')).items;
}
