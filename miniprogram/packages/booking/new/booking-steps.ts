/** The booking wizard's steps and which one the resident is on. */
export const BOOKING_STEPS = ['选择事项', '选择网点', '选择时段', '确认预约'] as const;

export interface BookingChoice {
  guideCode?: string;
  pointCode?: string;
  slotId?: string;
}

/** 1-based step for NutUI Steps: the first choice not yet made. */
export function currentStep(choice: BookingChoice): number {
  if (!choice.guideCode) return 1;
  if (!choice.pointCode) return 2;
  if (!choice.slotId) return 3;
  return 4;
}

/** Today's date in China (YYYY-MM-DD), whatever the phone's time zone. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
