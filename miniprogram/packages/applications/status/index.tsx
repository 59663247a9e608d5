/** Public status query: application number + last four digits of the applicant's phone, no login. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ApplicationTimeline } from '../../../components/application-timeline';
import { isClosedState } from '../../../components/application-card';
import { LightBadge } from '../../../components/light-badge';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePageParams } from '../../../hooks/use-page-params';
import { queryStatus, type ApplicationCommon } from '../../../services/applications';
import { useSession } from '../../../store/session';
import { messageOf } from '../../../utils/feedback';
import { go } from '../../../utils/navigation';
import { isPhoneLast4 } from '../../../utils/validation';

export default function StatusQuery() {
  const params = usePageParams();
  const session = useSession();
  const [number, setNumber] = useState(params.number ?? '');
  const [last4, setLast4] = useState('');
  const [result, setResult] = useState<ApplicationCommon>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (number.trim().length < 6) return setProblem('请输入办件编号');
    if (!isPhoneLast4(last4)) return setProblem('请输入申请人手机号后四位');
    setProblem(undefined);
    setBusy(true);
    try {
      setResult(await queryStatus(number, last4.trim()));
    } catch (error) {
      setResult(undefined);
      setProblem(messageOf(error, '查询失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="status-query">
      <View className="ow-form">
        <View className="ow-field">
          <Text className="ow-field__label">办件编号</Text>
          <Input className="status-query__number" value={number} placeholder="受理回执或短信中的办件编号" onChange={(v: string) => setNumber(v)} />
        </View>
        <View className="ow-field">
          <Text className="ow-field__label">申请人手机号后四位</Text>
          <Input className="status-query__last4" type={process.env.TARO_ENV === 'weapp' ? 'number' : 'tel'} maxLength={4} value={last4} placeholder="如：0001" onChange={(v: string) => setLast4(v)} />
        </View>
        {problem && (
          <View className="ow-form-error" role="alert">
            {problem}
          </View>
        )}
        <Button block type="primary" size="large" loading={busy} onClick={submit}>
          查询
        </Button>
        {session.role === 'resident' && (
          <Text className="ow-footnote ow-link" onClick={() => go('applicationMine')}>
            查看我名下的全部办件
          </Text>
        )}
      </View>

      {result && (
        <>
          <Section title="办理状态" className="status-query__result">
            <View className="ow-kv">
              <Text className="ow-kv__key">办理事项</Text>
              <Text className="ow-kv__value">{result.guideName}</Text>
            </View>
            <View className="ow-kv">
              <Text className="ow-kv__key">当前状态</Text>
              <Text className="ow-kv__value status-query__state">{result.stateName}</Text>
            </View>
            <View className="ow-kv">
              <Text className="ow-kv__key">办理部门</Text>
              <Text className="ow-kv__value">{result.department}</Text>
            </View>
            {result.acceptedOn && (
              <View className="ow-kv">
                <Text className="ow-kv__key">受理日期</Text>
                <Text className="ow-kv__value">{result.acceptedOn}</Text>
              </View>
            )}
            {result.completedOn && (
              <View className="ow-kv">
                <Text className="ow-kv__key">办结日期</Text>
                <Text className="ow-kv__value">{result.completedOn}</Text>
              </View>
            )}
            <LightBadge light={result.light} promisedDate={result.promisedDate} closed={isClosedState(result.state)} withHint />
          </Section>
          <Section title="办理过程">
            <ApplicationTimeline entries={result.timeline} />
          </Section>
        </>
      )}
    </PageShell>
  );
}
