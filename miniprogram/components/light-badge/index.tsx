/** The light of an application as a tag with words, plus the promised date when known. */
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { Light } from '../../services/applications';
import { lightLook } from './lights';

export interface LightBadgeProps {
  light: Light | null | undefined;
  /** YYYY-MM-DD, pauses and extensions included. */
  promisedDate?: string | null;
  /** Completed and closed cases have no running light. */
  closed?: boolean;
  /** Show what the light means next to it. */
  withHint?: boolean;
}

export function LightBadge({ light, promisedDate, closed, withHint }: LightBadgeProps) {
  if (closed) {
    return (
      <View className="ow-light ow-light--closed">
        <Tag type="default" plain>
          已结束
        </Tag>
      </View>
    );
  }
  const look = lightLook(light);
  return (
    <View className={`ow-light ow-light--${light ?? 'none'}`} aria-label={`${look.label}，${look.hint}`}>
      <Tag type={look.tagType} plain={look.tagType === 'default'}>
        <View className="ow-light__dot" />
        <Text>{look.label}</Text>
      </Tag>
      {withHint && <Text className="ow-light__hint">{look.hint}</Text>}
      {promisedDate && <Text className="ow-light__date">承诺{promisedDate}前办结</Text>}
    </View>
  );
}
