/**
 * The three states every list and detail shows: a skeleton while loading, the gateway's message
 * with a retry on error, and a friendly empty state; otherwise the content. Empty states draw
 * NutUI icons rather than NutUI's default pictures, which live on a third-party CDN.
 */
import type { PropsWithChildren, ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { Tips, WarningF } from '@nutui/icons-react-taro';
import { messageOf } from '../../utils/feedback';

export interface AsyncViewProps {
  loading: boolean;
  error?: unknown;
  /** True when loaded but there is nothing to show. */
  empty?: boolean;
  emptyText?: string;
  /** Shown under the empty text, e.g. a button to the next step. */
  emptyAction?: ReactNode;
  onRetry?: () => void;
  /** Skeleton lines while loading. */
  rows?: number;
}

export function AsyncView({ loading, error, empty, emptyText = '暂无内容', emptyAction, onRetry, rows = 4, children }: PropsWithChildren<AsyncViewProps>) {
  if (loading) {
    return (
      <View className="ow-async ow-async--loading" aria-busy="true">
        <Skeleton rows={rows} animated />
        <View className="ow-async__hint">正在加载…</View>
      </View>
    );
  }
  if (error) {
    return (
      <View className="ow-async ow-async--error">
        <Empty image={<WarningF size={56} color="#d48806" />} title="加载失败" description={messageOf(error, '加载失败，请稍后重试')} />
        {onRetry && (
          <View className="ow-async__action">
            <Button type="primary" fill="outline" onClick={onRetry}>
              重新加载
            </Button>
          </View>
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className="ow-async ow-async--empty">
        <Empty image={<Tips size={56} color="#c9cdd4" />} description={emptyText} />
        {emptyAction && <View className="ow-async__action">{emptyAction}</View>}
      </View>
    );
  }
  return <>{children}</>;
}
