/** Short messages to the user: the gateway's Chinese message as-is, or ours. */
import Taro from '@tarojs/taro';
import { ApiError } from '../services/api';

export function messageOf(error: unknown, fallback = '操作失败，请稍后重试'): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message)) return error.message;
  return fallback;
}

export function toast(title: string, icon: 'none' | 'success' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2500 });
}

export function toastError(error: unknown, fallback?: string): void {
  toast(messageOf(error, fallback));
}
