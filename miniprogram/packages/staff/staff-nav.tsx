/** The staff pages' top bar: who is signed in, and the areas their roles open. */
import { Text, View } from '@tarojs/components';
import { hasStaffRole, signOut, useSession } from '../../store/session';
import { go, replace, type PageName } from '../../utils/navigation';

const AREAS: Array<{ page: PageName; title: string; roles: string[] }> = [
  { page: 'staffInbox', title: '审批', roles: ['clerk', 'approver', 'supervisor'] },
  { page: 'staffQueue', title: '叫号', roles: ['clerk'] },
  { page: 'staffComplaints', title: '投诉', roles: ['clerk', 'approver', 'supervisor'] },
  { page: 'staffSupervision', title: '督办', roles: ['supervisor'] },
  { page: 'staffMessages', title: '短信', roles: ['supervisor'] },
];

export function StaffNav({ current }: { current: PageName }) {
  const { staff } = useSession();
  return (
    <View className="staff-nav">
      <View className="staff-nav__who">
        <Text className="staff-nav__name">{staff?.displayName ?? '工作人员'}</Text>
        <Text
          className="staff-nav__logout"
          onClick={() => {
            signOut();
            replace('staffLogin');
          }}
        >
          退出
        </Text>
      </View>
      <View className="staff-nav__areas">
        {AREAS.filter((a) => hasStaffRole(...a.roles)).map((a) => (
          <Text key={a.page} className={`staff-nav__area ${a.page === current ? 'is-active' : ''}`} onClick={() => a.page !== current && go(a.page)}>
            {a.title}
          </Text>
        ))}
      </View>
    </View>
  );
}
