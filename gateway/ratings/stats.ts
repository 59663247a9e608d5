/**
 * Rating statistics per window, department or service guide over a period: counts per level, the
 * satisfaction rate (基本满意 and above, as 好差评 reports count it), bad ratings, the average of
 * each indicator, and rectifications still open or closed.
 */
import { RatingModel } from '../../models/rating';
import { chinaDate, endOfChinaDay, shiftDate, startOfChinaDay } from '../calendar/working-days';
import { BAD_RATING_MAX, RATING_INDICATORS } from './rules';

export const STATS_DIMENSIONS = { window: 'window', department: 'department', guide: 'guideCode' } as const;
export type StatsDimension = keyof typeof STATS_DIMENSIONS;

const round = (n: number | null) => (n == null ? null : Math.round(n * 1000) / 1000);

export async function ratingStats(input: { by: StatsDimension; from?: string; to?: string }, now = new Date()) {
  const to = input.to ?? chinaDate(now);
  const from = input.from ?? shiftDate(to, -89);
  const field = STATS_DIMENSIONS[input.by];
  const levelCount = (level: number) => ({ $sum: { $cond: [{ $eq: ['$level', level] }, 1, 0] } });
  const rows = await RatingModel.aggregate<Record<string, number | null> & { _id: string }>([
    { $match: { ratedAt: { $gte: startOfChinaDay(from), $lte: endOfChinaDay(to) }, [field]: { $type: 'string' } } },
    {
      $group: {
        _id: `$${field}`,
        total: { $sum: 1 },
        level5: levelCount(5),
        level4: levelCount(4),
        level3: levelCount(3),
        level2: levelCount(2),
        level1: levelCount(1),
        averageLevel: { $avg: '$level' },
        ...Object.fromEntries(Object.keys(RATING_INDICATORS).map((k) => [`avg_${k}`, { $avg: `$indicators.${k}` }])),
        rectificationsOpen: { $sum: { $cond: [{ $in: ['$rectification.status', ['open', 'responded', 'verified']] }, 1, 0] } },
        rectificationsClosed: { $sum: { $cond: [{ $eq: ['$rectification.status', 'closed'] }, 1, 0] } },
      },
    },
    { $sort: { total: -1, _id: 1 } },
  ]);
  const items = rows.map((r) => {
    const total = r.total as number;
    let bad = 0;
    for (let level = 1; level <= BAD_RATING_MAX; level++) bad += r[`level${level}`] as number;
    return {
      key: r._id,
      total,
      levels: { 5: r.level5, 4: r.level4, 3: r.level3, 2: r.level2, 1: r.level1 },
      satisfactionRate: round((total - bad) / total),
      badCount: bad,
      averageLevel: round(r.averageLevel),
      indicators: Object.fromEntries(Object.keys(RATING_INDICATORS).map((k) => [k, round(r[`avg_${k}`])])),
      rectifications: { open: r.rectificationsOpen, closed: r.rectificationsClosed },
    };
  });
  return { by: input.by, from, to, items };
}
