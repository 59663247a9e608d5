/** Policy notices and residents' topic subscriptions (SMS when a notice on the topic is published). */
import { api } from './api';

export interface NoticeSummary {
  id: string;
  title: string;
  excerpt?: string;
  body?: string;
  audience: { type: 'all' | 'topic' | 'township'; topic: string | null; topicName: string | null; township: string | null };
  publishedAt: string;
  publishedBy: string | null;
}

export interface Notice extends NoticeSummary {
  body: string;
}

export interface NoticeTopic {
  code: string;
  name: string;
}

export interface Subscriptions {
  topics: string[];
  township: string | null;
  phoneVerified: boolean;
}

export const listNotices = (page = 1, pageSize = 10, topic?: string) =>
  api.get<{ items: NoticeSummary[]; total: number }>('/api/v1/notices', { page, pageSize, topic });

export const getNotice = (id: string) => api.get<Notice>(`/api/v1/notices/${encodeURIComponent(id)}`);

export async function listNoticeTopics(): Promise<NoticeTopic[]> {
  return (await api.get<{ items: NoticeTopic[] }>('/api/v1/notices/topics')).items;
}

export const getSubscriptions = () => api.get<Subscriptions>('/api/v1/me/subscriptions');

export const saveSubscriptions = (topics: string[], township?: string | null) =>
  api.put<Subscriptions>('/api/v1/me/subscriptions', { topics, township });
