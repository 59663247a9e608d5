/** "Me": who is signed in, the resident's own lists, real-name status, settings and logout. */
import { useEffect } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { fetchMe } from '../../../services/me';
import { setAgeFriendly, useAgeFriendly } from '../../../store/age-friendly';
import { signOut, updateResident, useSession } from '../../../store/session';
import { go, type PageName } from '../../../utils/navigation';

const RESIDENT_LINKS: Array<{ title: string; page: PageName }> = [
  { title: '我的预约', page: 'bookingMine' },
  { title: '我的办件', page: 'applicationMine' },
  { title: '我的投诉建议', page: 'complaintMine' },
  { title: '我的消息', page: 'messages' },
  { title: '通知订阅', page: 'noticeSubscribe' },
];

function refreshProfile(): void {
  fetchMe()
    .then(updateResident)
    .catch(() => undefined); // the stored profile is shown meanwhile; a 401 signs out by itself
}

export default function Me() {
  const session = useSession();
  const ageFriendly = useAgeFriendly();
  useDidShow(() => {
    if (session.role === 'resident') refreshProfile();
  });
  useEffect(() => {
    if (session.role === 'resident') refreshProfile();
  }, [session.role]);

  const resident = session.role === 'resident' ? session.resident : null;
  const staff = session.role === 'staff' ? session.staff : null;

  return (
    <PageShell className="me">
      <View className="ow-page-header me__header">
        {resident && (
          <>
            <Text className="ow-page-header__title">{resident.realName?.name ?? '居民用户'}</Text>
            <Text className="ow-page-header__sub">{resident.phone ? `手机 ${resident.phone}` : '未验证手机号'}</Text>
          </>
        )}
        {staff && (
          <>
            <Text className="ow-page-header__title">{staff.displayName}</Text>
            <Text className="ow-page-header__sub">工作人员</Text>
          </>
        )}
        {!resident && !staff && (
          <>
            <Text className="ow-page-header__title">您还未登录</Text>
            <Button className="me__login" type="default" onClick={() => go('login')}>
              登录 / 注册
            </Button>
          </>
        )}
      </View>

      {resident && (
        <CellGroup className="me__group">
          <Cell
            title="实名认证"
            extra={resident.realName ? `已认证 ${resident.realName.idNumber}` : '未认证，去认证'}
            clickable
            onClick={() => go('realName')}
          />
          {RESIDENT_LINKS.map((link) => (
            <Cell key={link.page} title={link.title} clickable onClick={() => go(link.page)} extra="›" />
          ))}
        </CellGroup>
      )}

      {staff && (
        <CellGroup className="me__group">
          <Cell title="进入工作台" clickable onClick={() => go('staffInbox')} extra="›" />
        </CellGroup>
      )}

      <CellGroup className="me__group">
        <Cell
          title="长辈版（大字体）"
          description="字体和按钮更大，页面更简洁"
          extra={<Switch checked={ageFriendly} onChange={(value: boolean) => setAgeFriendly(value)} className="me__elder-switch" />}
        />
        <Cell title="服务网点" clickable onClick={() => go('servicePoints')} extra="›" />
        {!staff && <Cell title="工作人员登录" clickable onClick={() => go('staffLogin')} extra="›" />}
      </CellGroup>

      {(resident || staff) && (
        <View className="me__logout">
          <Button block fill="outline" type="danger" onClick={signOut}>
            退出登录
          </Button>
        </View>
      )}
    </PageShell>
  );
}
