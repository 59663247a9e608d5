/** A served booking can be rated by the resident who booked it, once. */
import { isValidObjectId } from 'mongoose';
import { BookingModel } from '../../models/booking';
import { GuideModel } from '../../models/guide';
import { registerRateable } from '../ratings/registry';

registerRateable('booking', async (caseId) => {
  if (!isValidObjectId(caseId)) return null;
  const booking = await BookingModel.findById(caseId).lean();
  if (!booking) return null;
  const guide = await GuideModel.findOne({ code: booking.guideCode }, { department: 1 }).lean();
  return {
    type: 'booking',
    id: String(booking._id),
    residentUserId: booking.userId,
    finished: booking.status === 'served',
    department: guide?.department,
    window: `${booking.servicePoint}:${booking.window}`,
    guideCode: booking.guideCode,
    label: `预约 ${booking.code}（${booking.servicePointName}${booking.windowName}）`,
  };
});
