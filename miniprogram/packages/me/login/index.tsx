/**
 * Resident login. In WeChat: one tap (`Taro.login` → /auth/wechat), with the SMS code as the
 * fallback; in a browser: phone and SMS code. Returns to the page that asked for it.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Divider } from '@nutui/nutui-react-taro';
import { LoginForm } from '../../../components/login-form';
import { PageShell } from '../../../components/page-shell';
import { usePageParams } from '../../../hooks/use-page-params';
import { canUseWechatLogin, loginWithSmsCode, loginWithWechat, requestSmsCode, type ResidentSession } from '../../../services/auth';
import { signInResident } from '../../../store/session';
import { messageOf, toast } from '../../../utils/feedback';
import { continueTo, go } from '../../../utils/navigation';

export default function Login() {
  const { redirect } = usePageParams();
  const [wechatBusy, setWechatBusy] = useState(false);
  const [wechatProblem, setWechatProblem] = useState<string>();

  const finish = (session: ResidentSession) => {
    signInResident(session.token, session.user);
    toast('登录成功', 'success');
    continueTo(redirect, 'me');
  };

  const wechatLogin = async () => {
    setWechatBusy(true);
    setWechatProblem(undefined);
    try {
      finish(await loginWithWechat());
    } catch (error) {
      setWechatProblem(messageOf(error, '微信登录失败，请改用手机验证码登录'));
    } finally {
      setWechatBusy(false);
    }
  };

  return (
    <PageShell className="login">
      <View className="ow-page-header">
        <Text className="ow-page-header__title">登录一窗通办</Text>
        <Text className="ow-page-header__sub">登录后可预约办事、网上申报、查看我的办件</Text>
      </View>
      <View className="ow-form">
        {canUseWechatLogin() && (
          <View className="login__wechat">
            <Button block type="success" size="large" loading={wechatBusy} onClick={wechatLogin}>
              微信一键登录
            </Button>
            {wechatProblem && <Text className="ow-form-error">{wechatProblem}</Text>}
            <Divider>或使用手机验证码登录</Divider>
          </View>
        )}
        <LoginForm
          onRequestCode={requestSmsCode}
          onSubmit={async (phone, code) => finish(await loginWithSmsCode(phone, code))}
          footnote="未注册的手机号验证后将自动创建账号。我们仅在办事需要时使用您的手机号。"
        />
      </View>
      <View className="login__staff" onClick={() => go('staffLogin')}>
        工作人员登录
      </View>
    </PageShell>
  );
}
