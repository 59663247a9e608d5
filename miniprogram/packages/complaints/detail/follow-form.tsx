/** Finding an item without an account: its tracking number and the phone's last four digits. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { isPhoneLast4 } from '../../../utils/validation';

export function FollowForm({ onFind, needsLast4 }: { onFind: (trackingNumber: string, last4?: string) => void; needsLast4: boolean }) {
  const [tn, setTn] = useState('');
  const [last4, setLast4] = useState('');
  const [problem, setProblem] = useState<string>();
  const find = () => {
    if (tn.trim().length < 6) return setProblem('请输入查询码');
    if (needsLast4 && !isPhoneLast4(last4)) return setProblem('请输入提交时所留手机号的后四位');
    setProblem(undefined);
    onFind(tn.trim().toUpperCase(), needsLast4 ? last4.trim() : undefined);
  };
  return (
    <View className="ow-form">
      <View className="ow-field">
        <Text className="ow-field__label">查询码</Text>
        <Input value={tn} placeholder="提交后显示或短信中的查询码" onChange={(v: string) => setTn(v)} />
      </View>
      {needsLast4 && (
        <View className="ow-field">
          <Text className="ow-field__label">手机号后四位</Text>
          <Input type={process.env.TARO_ENV === 'weapp' ? 'number' : 'tel'} maxLength={4} value={last4} placeholder="提交时所留手机号的后四位" onChange={(v: string) => setLast4(v)} />
        </View>
      )}
      {problem && (
        <View className="ow-form-error" role="alert">
          {problem}
        </View>
      )}
      <Button block type="primary" size="large" onClick={find}>
        查看进度
      </Button>
    </View>
  );
}
