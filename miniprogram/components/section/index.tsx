/** A titled white card: the building block of detail pages. */
import type { PropsWithChildren, ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface SectionProps {
  title?: ReactNode;
  extra?: ReactNode;
  className?: string;
}

export function Section({ title, extra, className, children }: PropsWithChildren<SectionProps>) {
  return (
    <View className={`ow-section ${className ?? ''}`}>
      {(title || extra) && (
        <View className="ow-section__head">
          <Text className="ow-section__title">{title}</Text>
          {extra && <View className="ow-section__extra">{extra}</View>}
        </View>
      )}
      <View className="ow-section__body">{children}</View>
    </View>
  );
}
