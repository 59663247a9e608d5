/**
 * Supervision statistics: items received in a period, by department (lights of the running ones,
 * answered on time or late), by type, category, channel and status. Counts only — no filer data.
 */
import { ComplaintModel } from '../../models/complaint';
import { chinaDate, endOfChinaDay, loadCalendarOverrides, shiftDate, startOfChinaDay } from '../calendar/working-days';
import type { DateRange } from '../supervision/light-ranges';
import { lightFilter } from './deadlines';
import { RUNNING_STATUSES } from './rules';

const UNASSIGNED = '未分派';

/** Counts running items whose deadline lies in a light's range. */
function countIf(range: DateRange) {
  const checks: unknown[] = [{ $in: ['$status', RUNNING_STATUSES] }, { $ne: [{ $ifNull: ['$dueDate', null] }, null] }];
  for (const [op, value] of Object.entries(range)) checks.push({ [op]: ['$dueDate', value] });
  return { $sum: { $cond: [{ $and: checks }, 1, 0] } };
}

export async function complaintStats(range: { from?: string; to?: string }, now = new Date()) {
  await loadCalendarOverrides();
  const to = range.to ?? chinaDate(now);
  const from = range.from ?? shiftDate(to, -89);
  const match = { receivedAt: { $gte: startOfChinaDay(from), $lte: endOfChinaDay(to) } };
  const due = (light: 'red' | 'yellow') => lightFilter(light, now).dueDate;
  const [facets] = await ComplaintModel.aggregate([
    { $match: match },
    {
      $facet: {
        byDepartment: [
          {
            $group: {
              _id: { $ifNull: ['$department', UNASSIGNED] },
              total: { $sum: 1 },
              running: { $sum: { $cond: [{ $in: ['$status', RUNNING_STATUSES] }, 1, 0] } },
              yellow: countIf(due('yellow')),
              red: countIf(due('red')),
              answered: { $sum: { $cond: [{ $ifNull: ['$repliedAt', false] }, 1, 0] } },
              answeredLate: { $sum: { $cond: [{ $eq: ['$repliedLate', true] }, 1, 0] } },
              closed: { $sum: { $cond: [{ $eq: ['$status', 'closed'] }, 1, 0] } },
              escalated: { $sum: { $cond: [{ $gt: [{ $size: { $ifNull: ['$escalations', []] } }, 0] }, 1, 0] } },
            },
          },
          { $sort: { red: -1, total: -1 } },
        ],
        byType: [{ $group: { _id: '$type', n: { $sum: 1 } } }],
        byCategory: [{ $group: { _id: '$category', n: { $sum: 1 } } }],
        byChannel: [{ $group: { _id: '$channel', n: { $sum: 1 } } }],
        byStatus: [{ $group: { _id: '$status', n: { $sum: 1 } } }],
      },
    },
  ]);
  const counts = (rows: Array<{ _id: string; n: number }>) => Object.fromEntries(rows.map((r) => [r._id, r.n]));
  type Row = { _id: string; total: number; running: number; yellow: number; red: number; answered: number; answeredLate: number; closed: number; escalated: number };
  const departments = (facets.byDepartment as Row[]).map(({ _id, ...d }) => ({
    department: _id,
    ...d,
    green: d.running - d.yellow - d.red,
    onTimeRate: d.answered ? (d.answered - d.answeredLate) / d.answered : null,
  }));
  const sum = (k: 'total' | 'running' | 'green' | 'yellow' | 'red' | 'answered' | 'answeredLate') => departments.reduce((a, d) => a + d[k], 0);
  return {
    from,
    to,
    asOf: chinaDate(now),
    total: sum('total'),
    running: sum('running'),
    lights: { green: sum('green'), yellow: sum('yellow'), red: sum('red') },
    onTimeRate: sum('answered') ? (sum('answered') - sum('answeredLate')) / sum('answered') : null,
    byType: counts(facets.byType),
    byCategory: counts(facets.byCategory),
    byChannel: counts(facets.byChannel),
    byStatus: counts(facets.byStatus),
    byDepartment: departments,
  };
}
