/**
 * Every page sits in this shell: NutUI's theme in the center's red, and the age-friendly mode
 * (larger text and targets) applied as one class the stylesheets key on.
 */
import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import { useAgeFriendly } from '../../store/age-friendly';

export const BRAND_THEME = {
  nutuiColorPrimary: '#b71c1c',
  nutuiColorPrimaryStop1: '#b71c1c',
  nutuiColorPrimaryStop2: '#d9342b',
  nutuiGridItemContentBgColor: '#ffffff',
};

export interface PageShellProps {
  className?: string;
}

export function PageShell({ className, children }: PropsWithChildren<PageShellProps>) {
  const ageFriendly = useAgeFriendly();
  return (
    <ConfigProvider theme={BRAND_THEME}>
      <View className={`ow-page ${ageFriendly ? 'ow-page--elder' : ''} ${className ?? ''}`}>{children}</View>
    </ConfigProvider>
  );
}
