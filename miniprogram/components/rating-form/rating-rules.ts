/** What the rating form needs before sending: a level, and the reason for a bad one. */
import { RATING_LEVEL_NAMES, type RatingLevel } from '../../services/ratings';

/** Levels at or below this are bad ratings (差评): the gateway opens a rectification for them. */
export const BAD_LEVEL_MAX = 2;

export function levelName(level: number): string {
  return RATING_LEVEL_NAMES[level as RatingLevel] ?? '请选择';
}

export function ratingProblem(level: number, comment: string): string | undefined {
  if (!(level >= 1 && level <= 5)) return '请选择评价等级';
  if (level <= BAD_LEVEL_MAX && comment.trim().length < 5) return '请写明不满意的原因（至少5个字），以便整改';
  return undefined;
}
