/** Real-name binding: name and resident ID number, checked locally first, then by the gateway. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { bindRealName, fetchMe } from '../../../services/me';
import { updateResident } from '../../../store/session';
import { messageOf, toast } from '../../../utils/feedback';
import { continueTo } from '../../../utils/navigation';
import { isResidentIdNumber } from '../../../utils/validation';

export default function RealName() {
  const signedIn = useRequireLogin('resident');
  const { redirect } = usePageParams();
  const me = useAsync(fetchMe, [], { skip: !signedIn });
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (name.trim().length < 2) return setProblem('请输入与身份证一致的姓名');
    if (!isResidentIdNumber(idNumber)) return setProblem('身份证号码有误，请核对后重新输入');
    setProblem(undefined);
    setBusy(true);
    try {
      const profile = await bindRealName(name.trim(), idNumber.trim().toUpperCase());
      updateResident(profile);
      toast('实名认证成功', 'success');
      continueTo(redirect, 'me');
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (!signedIn) return <PageShell />;
  const bound = me.data?.realName;
  return (
    <PageShell className="real-name">
      <AsyncView loading={me.loading} error={me.error} onRetry={me.reload}>
        {bound ? (
          <View className="ow-form">
            <Text className="real-name__done">您已完成实名认证</Text>
            <View className="ow-kv">
              <Text className="ow-kv__key">姓名</Text>
              <Text className="ow-kv__value">{bound.name}</Text>
            </View>
            <View className="ow-kv">
              <Text className="ow-kv__key">身份证号</Text>
              <Text className="ow-kv__value">{bound.idNumber}</Text>
            </View>
            <Text className="ow-footnote">如需更改，请携带身份证到窗口办理</Text>
          </View>
        ) : (
          <View className="ow-form">
            <Text className="real-name__intro">预约办事和网上申报需要实名认证。身份证号加密保存，仅用于核验身份。</Text>
            <View className="ow-field">
              <Text className="ow-field__label">姓名</Text>
              <Input className="real-name__name" value={name} placeholder="与身份证一致的姓名" onChange={(v: string) => setName(v)} />
            </View>
            <View className="ow-field">
              <Text className="ow-field__label">身份证号码</Text>
              <Input className="real-name__id" type="idcard" maxLength={18} value={idNumber} placeholder="18位居民身份证号码" onChange={(v: string) => setIdNumber(v)} />
            </View>
            {problem && (
              <View className="ow-form-error" role="alert">
                {problem}
              </View>
            )}
            <Button block type="primary" size="large" loading={busy} onClick={submit}>
              提交认证
            </Button>
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
