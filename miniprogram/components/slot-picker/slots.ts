/** How a slot reads in the picker: free seats, full, closed, or too late/early with the gateway's reason. */
import type { Slot } from '../../services/bookings';

export type SlotState = 'available' | 'full' | 'unavailable';

export function slotState(slot: Slot): SlotState {
  if (slot.bookable) return 'available';
  if (!slot.closed && slot.remaining === 0 && !slot.unavailableReason) return 'full';
  return 'unavailable';
}

export function slotNote(slot: Slot): string {
  switch (slotState(slot)) {
    case 'available':
      return `余${slot.remaining}个`;
    case 'full':
      return '已约满';
    default:
      return slot.closed ? '停止预约' : '不可预约';
  }
}

/** Windows present among the slots: when there is more than one, each slot names its window. */
export function windowsOf(slots: Slot[]): Array<{ code: string; name: string }> {
  const seen = new Map<string, string>();
  for (const s of slots) if (!seen.has(s.window.code)) seen.set(s.window.code, s.window.name);
  return [...seen.entries()].map(([code, name]) => ({ code, name }));
}

/** Morning and afternoon halves, as the hall's hours are written. */
export function splitByHalfDay(slots: Slot[]): { morning: Slot[]; afternoon: Slot[] } {
  const morning: Slot[] = [];
  const afternoon: Slot[] = [];
  for (const s of slots) (s.time < '12:00' ? morning : afternoon).push(s);
  return { morning, afternoon };
}

export function relativeDayName(date: string, today: string | undefined): string | undefined {
  if (!today) return undefined;
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400_000);
  return days === 0 ? '今天' : days === 1 ? '明天' : days === 2 ? '后天' : undefined;
}
