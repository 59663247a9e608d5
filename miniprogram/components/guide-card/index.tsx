/** A guide in a result list: name, window and department, and what matters at a glance. */
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { GuideSummary } from '../../services/guides';
import { timeLimitLabel, tripsLabel } from '../../utils/format';

export interface GuideCardProps {
  guide: GuideSummary;
  onClick?: () => void;
}

export function GuideCard({ guide, onClick }: GuideCardProps) {
  return (
    <View className="ow-guide-card" onClick={onClick} data-guide-code={guide.code}>
      <Text className="ow-guide-card__name">{guide.name}</Text>
      <Text className="ow-guide-card__dept">
        {guide.windowName} · {guide.department}
      </Text>
      <View className="ow-guide-card__tags">
        <Tag type={guide.caseType === 'immediate' ? 'success' : 'primary'} plain>
          {guide.caseType === 'immediate' ? '即办件' : `承诺${timeLimitLabel(guide.promisedTimeLimitDays)}`}
        </Tag>
        <Tag plain>{tripsLabel(guide.tripsRequired)}</Tag>
        {guide.online && <Tag plain type="info">可网办</Tag>}
        {guide.bookable && <Tag plain type="warning">可预约</Tag>}
        {!guide.charged && <Tag plain>不收费</Tag>}
      </View>
    </View>
  );
}
