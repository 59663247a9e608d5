/**
 * The age-friendly mode (适老化模式) national guidance asks of government apps: larger text and
 * touch targets and simpler pages. Remembered on the device.
 */
import { createStore, useStore } from './create-store';
import { readStored, writeStored } from './persisted';

const KEY = 'onewindow.age-friendly';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export const ageFriendlyStore = createStore({ enabled: readStored(KEY, isBoolean) ?? false });

export function setAgeFriendly(enabled: boolean): void {
  ageFriendlyStore.set({ enabled });
  writeStored(KEY, enabled);
}

export const useAgeFriendly = () => useStore(ageFriendlyStore).enabled;
