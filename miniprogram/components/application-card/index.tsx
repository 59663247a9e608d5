/** One application in a list: what, which number, where it stands and its light. */
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ApplicationCommon } from '../../services/applications';
import { LightBadge } from '../light-badge';

const CLOSED_STATES = ['completed', 'not_accepted', 'rejected'];

export interface ApplicationCardProps {
  application: ApplicationCommon;
  onClick?: () => void;
  /** Extra line, e.g. the applicant's masked name for staff. */
  extra?: string;
}

export function ApplicationCard({ application: a, onClick, extra }: ApplicationCardProps) {
  const closed = CLOSED_STATES.includes(a.state);
  return (
    <View className={`ow-app-card ow-app-card--${a.light ?? 'none'}`} onClick={onClick} data-number={a.number}>
      <View className="ow-app-card__head">
        <Text className="ow-app-card__name">{a.guideName}</Text>
        <Tag type={closed ? 'default' : 'primary'} plain>
          {a.stateName}
        </Tag>
      </View>
      <Text className="ow-app-card__number">办件编号：{a.number}</Text>
      <Text className="ow-app-card__dept">{a.department}</Text>
      {extra && <Text className="ow-app-card__extra">{extra}</Text>}
      <LightBadge light={a.light} promisedDate={closed ? null : a.promisedDate} closed={closed} />
      {a.paused && <Text className="ow-app-card__paused">暂停计时中</Text>}
    </View>
  );
}

export const isClosedState = (state: string) => CLOSED_STATES.includes(state);
