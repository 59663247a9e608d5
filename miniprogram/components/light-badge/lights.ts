/**
 * Traffic lights of the working-day clock (红黄绿灯): green on time, yellow close to the promised
 * date, red overdue. Colour never carries the meaning alone: each light has words.
 */
import type { Light } from '../../services/applications';

export interface LightLook {
  label: string;
  /** For the resident: what the light means for them. */
  hint: string;
  tagType: 'success' | 'warning' | 'danger' | 'default';
}

export const LIGHT_LOOKS: Record<Light, LightLook> = {
  green: { label: '绿灯', hint: '正常办理中', tagType: 'success' },
  yellow: { label: '黄灯', hint: '临近承诺期限', tagType: 'warning' },
  red: { label: '红灯', hint: '已超过承诺期限', tagType: 'danger' },
};

const NOT_STARTED: LightLook = { label: '未计时', hint: '尚未受理，未开始计时', tagType: 'default' };

export function lightLook(light: Light | null | undefined): LightLook {
  return light ? LIGHT_LOOKS[light] : NOT_STARTED;
}

/** Inbox order: red first, then yellow, green, not started. */
export const LIGHT_RANK: Record<Light | 'none', number> = { red: 0, yellow: 1, green: 2, none: 3 };
