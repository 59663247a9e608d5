/** Taro storage that never throws: a broken or full storage must not break a page. */
import Taro from '@tarojs/taro';

export function readStored<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === undefined || value === null) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, value);
  } catch {
    // the setting lives on for this visit
  }
}
