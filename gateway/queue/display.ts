/** The hall display (叫号屏): per window the numbers being called and how many wait; ticket numbers only, no personal data. */
import { ServicePointModel } from '../../models/service-point';
import { TicketModel } from '../../models/ticket';
import { chinaDate } from '../calendar/working-days';
import { now as clockNow } from '../bookings/clock';
import { isoChina } from '../bookings/timing';
import { notFound } from '../errors';

export async function nowServing(servicePointId: string, now = clockNow()) {
  const point = await ServicePointModel.findOne({ code: servicePointId, active: true }).lean();
  if (!point) throw notFound('service_point.not_found', '未找到该服务网点');
  const date = chinaDate(now);
  const [calling, waiting] = await Promise.all([
    TicketModel.find({ servicePoint: point.code, date, status: 'called' }, { number: 1, window: 1, counter: 1, calledAt: 1 }).sort({ calledAt: -1 }).limit(200).lean(),
    TicketModel.aggregate<{ _id: string; count: number }>([{ $match: { servicePoint: point.code, date, status: 'waiting' } }, { $group: { _id: '$window', count: { $sum: 1 } } }]),
  ]);
  const waitingBy = new Map(waiting.map((w) => [w._id, w.count]));
  const names = new Map(point.windows.map((w) => [w.code, w.name]));
  const call = (t: (typeof calling)[number]) => ({ number: t.number, counter: t.counter ?? null, calledAt: isoChina(t.calledAt!) });
  return {
    servicePoint: { id: point.code, name: point.name },
    date,
    windows: point.windows.map((w) => ({
      code: w.code,
      name: w.name,
      ticketPrefix: w.ticketPrefix,
      calling: calling.filter((t) => t.window === w.code).map(call),
      waiting: waitingBy.get(w.code) ?? 0,
    })),
    /** The latest calls across the hall, newest first (what the display announces). */
    latest: calling.slice(0, 10).map((t) => ({ ...call(t), window: { code: t.window, name: names.get(t.window) ?? t.window } })),
    updatedAt: isoChina(now),
  };
}
