/** Rating a finished case (好差评, 一事一评): five levels, optional indicator scores and a comment. */
import { api } from './api';

export type RatingLevel = 1 | 2 | 3 | 4 | 5;

export interface RatingInput {
  /** complaint, application … whatever the gateway lists as rateable. */
  caseType: string;
  caseId: string;
  level: RatingLevel;
  comment?: string;
}

/** The national five levels, best first. */
export const RATING_LEVEL_NAMES: Record<RatingLevel, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export const submitRating = (input: RatingInput) => api.post<unknown>('/api/v1/ratings', input);
