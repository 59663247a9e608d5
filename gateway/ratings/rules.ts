/**
 * 好差评 (GB/T 39734-2020): five levels, the standard indicators, and the rectification rules for
 * bad ratings (the bottom two levels).
 */
import type { RECTIFICATION_STATUSES } from '../../models/rating';

export const RATING_LEVELS = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const;
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** Levels at or below this are bad ratings (差评) and open a rectification. */
export const BAD_RATING_MAX = 2;

export const RATING_INDICATORS = {
  efficiency: '办事效率',
  attitude: '服务态度',
  result: '办理结果',
  transparency: '规范透明',
  convenience: '便捷程度',
} as const;
export type RatingIndicator = keyof typeof RATING_INDICATORS;

export const RATING_RULES = {
  /** Working days a handler has to respond to a bad rating. */
  rectificationWorkingDays: 5,
  /** Yellow light this many working days before the rectification deadline. */
  warnWorkingDays: 1,
  /** Unanswered call-back attempts after which the rectification closes as unreachable. */
  maxCallbackAttempts: 3,
  commentMaxLength: 500,
};

export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_NAMES: Record<RectificationStatus, string> = {
  open: '待整改',
  responded: '待审核',
  verified: '待回访',
  closed: '已办结',
};
