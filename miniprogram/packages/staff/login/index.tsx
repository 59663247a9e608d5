/** Staff login with username and password; roles decide the pages afterwards. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { usePageParams } from '../../../hooks/use-page-params';
import { staffLogin } from '../../../services/staff-auth';
import { signInStaff } from '../../../store/session';
import { messageOf, toast } from '../../../utils/feedback';
import { continueTo } from '../../../utils/navigation';

export default function StaffLogin() {
  const { redirect } = usePageParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!username.trim()) return setProblem('请输入用户名');
    if (!password) return setProblem('请输入密码');
    setProblem(undefined);
    setBusy(true);
    try {
      const { token, staff } = await staffLogin(username.trim(), password);
      signInStaff(token, staff);
      toast('登录成功', 'success');
      continueTo(redirect, staff.roles.includes('supervisor') && !staff.roles.includes('clerk') ? 'staffSupervision' : 'staffInbox');
    } catch (error) {
      setProblem(messageOf(error, '登录失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="staff-login">
      <View className="ow-page-header">
        <Text className="ow-page-header__title">工作人员登录</Text>
        <Text className="ow-page-header__sub">窗口受理、审批、叫号与效能监察</Text>
      </View>
      <View className="ow-form">
        <View className="ow-field">
          <Text className="ow-field__label">用户名</Text>
          <Input className="staff-login__username" value={username} placeholder="请输入用户名" onChange={(v: string) => setUsername(v)} />
        </View>
        <View className="ow-field">
          <Text className="ow-field__label">密码</Text>
          <Input className="staff-login__password" type="password" value={password} placeholder="请输入密码" onChange={(v: string) => setPassword(v)} />
        </View>
        {problem && (
          <View className="ow-form-error" role="alert">
            {problem}
          </View>
        )}
        <Button block type="primary" size="large" loading={busy} onClick={submit}>
          登录
        </Button>
        <Text className="ow-footnote">连续输错密码将临时锁定账号。忘记密码请联系系统管理员。</Text>
      </View>
    </PageShell>
  );
}
