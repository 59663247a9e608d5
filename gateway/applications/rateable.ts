/** A finished application (办结, or decided against) can be rated by its applicant, once. */
import { ApplicationModel } from '../../models/application';
import { registerRateable } from '../ratings/registry';

const FINISHED = ['completed', 'rejected', 'not_accepted'];

registerRateable('application', async (caseId) => {
  const app = await ApplicationModel.findOne({ number: caseId }).lean();
  if (!app) return null;
  return {
    type: 'application',
    id: app.number,
    residentUserId: app.applicant?.userId ?? null,
    finished: FINISHED.includes(app.state),
    department: app.department,
    window: `${app.servicePoint}:${app.windowCode ?? '-'}`,
    guideCode: app.guideCode,
    label: `办件 ${app.number}（${app.guideName}）`,
  };
});
