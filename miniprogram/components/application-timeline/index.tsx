/** What happened to an application, newest first, with the notes meant for the reader. */
import { Text, View } from '@tarojs/components';
import { Step, Steps } from '@nutui/nutui-react-taro';
import type { TimelineEntry } from '../../services/applications';
import { dateTimeLabel } from '../../utils/format';

export interface ApplicationTimelineProps {
  entries: TimelineEntry[];
  /** Staff see who acted. */
  showActor?: boolean;
}

export function ApplicationTimeline({ entries, showActor }: ApplicationTimelineProps) {
  if (entries.length === 0) return <View className="ow-timeline ow-timeline--empty">暂无办理记录</View>;
  const newestFirst = [...entries].reverse();
  return (
    <View className="ow-timeline">
      <Steps direction="vertical" type="dot" value={newestFirst.length}>
        {newestFirst.map((entry, i) => (
          <Step
            key={`${entry.at}-${i}`}
            value={newestFirst.length - i}
            title={entry.actionName}
            description={
              <View className="ow-timeline__desc">
                <Text className="ow-timeline__time">
                  {dateTimeLabel(entry.at)}
                  {showActor && entry.by ? ` · ${entry.by}` : ''}
                </Text>
                {entry.note && <Text className="ow-timeline__note">{entry.note}</Text>}
              </View>
            }
          />
        ))}
      </Steps>
    </View>
  );
}
