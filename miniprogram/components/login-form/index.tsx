/**
 * Phone + SMS code: ask for a code (with a resend countdown), then log in. Used for the browser
 * login and for verifying a phone in WeChat. Errors from the gateway are shown under the form.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { messageOf } from '../../utils/feedback';
import { CODE_RESEND_SECONDS, codeButtonText, codeProblem, numericInputType, phoneProblem } from './login-form-state';

export interface LoginFormProps {
  onRequestCode: (phone: string) => Promise<unknown>;
  onSubmit: (phone: string, code: string) => Promise<unknown>;
  submitText?: string;
  /** Shown under the button, e.g. the privacy note. */
  footnote?: string;
}

export function LoginForm({ onRequestCode, onSubmit, submitText = '登录', footnote }: LoginFormProps) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    if (secondsLeft <= 0) return undefined;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const requestCode = async () => {
    if (secondsLeft > 0 || sending) return;
    const bad = phoneProblem(phone);
    setProblem(bad);
    if (bad) return;
    setSending(true);
    setNotice(undefined);
    try {
      await onRequestCode(phone.trim());
      setSent(true);
      setSecondsLeft(CODE_RESEND_SECONDS);
      setNotice('验证码已发送，请查收短信');
    } catch (error) {
      setProblem(messageOf(error, '验证码发送失败，请稍后重试'));
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    if (submitting) return;
    const bad = phoneProblem(phone) ?? codeProblem(code);
    setProblem(bad);
    if (bad) return;
    setSubmitting(true);
    try {
      await onSubmit(phone.trim(), code.trim());
    } catch (error) {
      setProblem(messageOf(error, '登录失败，请稍后重试'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="ow-login-form">
      <View className="ow-field">
        <Text className="ow-field__label">手机号码</Text>
        <Input
          className="ow-field__input ow-login-form__phone"
          type={numericInputType()}
          maxLength={11}
          value={phone}
          placeholder="请输入手机号码"
          onChange={(value: string) => setPhone(value)}
        />
      </View>
      <View className="ow-field">
        <Text className="ow-field__label">验证码</Text>
        <View className="ow-field__row">
          <Input
            className="ow-field__input ow-login-form__code"
            type={numericInputType()}
            maxLength={6}
            value={code}
            placeholder="6位短信验证码"
            onChange={(value: string) => setCode(value)}
          />
          <Button size="small" type="primary" fill="outline" disabled={secondsLeft > 0} loading={sending} onClick={requestCode} className="ow-login-form__send">
            {codeButtonText(secondsLeft, sent)}
          </Button>
        </View>
      </View>
      {problem && (
        <View className="ow-form-error" role="alert">
          {problem}
        </View>
      )}
      {!problem && notice && <Text className="ow-form-notice">{notice}</Text>}
      <Button block type="primary" size="large" loading={submitting} onClick={submit} className="ow-login-form__submit">
        {submitText}
      </Button>
      {footnote && <Text className="ow-footnote">{footnote}</Text>}
    </View>
  );
}
