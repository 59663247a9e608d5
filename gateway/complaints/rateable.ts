/** Closed complaints, consultations and suggestions can be rated by the resident who filed them. */
import type { ComplaintType } from '../../models/complaint';
import { registerRateable } from '../ratings/registry';
import { findByTrackingNumber, residentOwns } from './access';
import { TYPE_NAMES } from './rules';

registerRateable('complaint', async (caseId, actor) => {
  const c = await findByTrackingNumber(caseId);
  if (!c) return null;
  const owner = actor.kind === 'resident' && (await residentOwns(actor.userId, c)) ? actor.userId : (c.filer?.userId ?? null);
  return {
    type: 'complaint',
    id: c.trackingNumber,
    residentUserId: owner,
    finished: c.status === 'closed',
    department: c.department ?? undefined,
    window: c.target?.window ?? undefined,
    guideCode: c.target?.guideCode ?? undefined,
    label: `${TYPE_NAMES[c.type as ComplaintType]} ${c.trackingNumber}`,
    anonymous: c.anonymous,
  };
});
