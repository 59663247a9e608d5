/** What the materials checklist computes: labels, and how far the resident is with the required ones. */
import type { GuideMaterial } from '../../services/guides';

export const FORM_LABELS: Record<GuideMaterial['form'], string> = {
  paper: '纸质',
  electronic: '电子',
  both: '纸质或电子',
};

/** "纸质或电子 · 1份 · 申请人自备" — only the parts that are known. */
export function materialMeta(material: GuideMaterial): string {
  const parts = [FORM_LABELS[material.form]];
  if (material.form !== 'electronic' && material.copies > 0) parts.push(`${material.copies}份`);
  if (material.source) parts.push(material.source);
  return parts.join(' · ');
}

export interface ChecklistProgress {
  requiredTotal: number;
  requiredReady: number;
  optionalTotal: number;
  /** Every required material is ticked. */
  complete: boolean;
}

export function checklistProgress(materials: GuideMaterial[], ready: ReadonlySet<number>): ChecklistProgress {
  let requiredTotal = 0;
  let requiredReady = 0;
  materials.forEach((m, index) => {
    if (!m.required) return;
    requiredTotal++;
    if (ready.has(index)) requiredReady++;
  });
  return { requiredTotal, requiredReady, optionalTotal: materials.length - requiredTotal, complete: requiredReady === requiredTotal };
}

export function progressText(progress: ChecklistProgress): string {
  if (progress.requiredTotal === 0) return '本事项无必需材料';
  if (progress.complete) return '必需材料已备齐，可以预约或申报';
  return `必需材料已备 ${progress.requiredReady}/${progress.requiredTotal}`;
}

/** Toggles one material in an immutable set. */
export function toggled(ready: ReadonlySet<number>, index: number): Set<number> {
  const next = new Set(ready);
  if (next.has(index)) next.delete(index);
  else next.add(index);
  return next;
}
