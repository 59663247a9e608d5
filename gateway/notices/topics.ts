/** Topics residents can subscribe to. */
export const NOTICE_TOPICS = [
  { code: 'social_security', name: '社保医保' },
  { code: 'agriculture', name: '农牧业补贴与生产' },
  { code: 'employment', name: '就业创业' },
  { code: 'business', name: '企业服务' },
  { code: 'education', name: '教育入学' },
  { code: 'civil_affairs', name: '民政救助' },
  { code: 'public_utilities', name: '停水停电与公共服务' },
] as const;

export type NoticeTopic = (typeof NOTICE_TOPICS)[number]['code'];
export const TOPIC_CODES = NOTICE_TOPICS.map((t) => t.code) as [NoticeTopic, ...NoticeTopic[]];
export const topicName = (code: string) => NOTICE_TOPICS.find((t) => t.code === code)?.name ?? code;
