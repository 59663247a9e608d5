/**
 * Subscribing to notice topics by SMS (the resident needs a verified phone). In WeChat it also asks
 * for subscribe-message consent, so a notice can reach them in WeChat as well.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { getSubscriptions, listNoticeTopics, saveSubscriptions } from '../../../services/notices';
import { toast, toastError } from '../../../utils/feedback';
import { askSubscribeConsent } from '../../../utils/subscribe-message';

export default function Subscribe() {
  const signedIn = useRequireLogin('resident');
  const topics = useAsync(listNoticeTopics, []);
  const current = useAsync(getSubscriptions, [], { skip: !signedIn });
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (current.data) setChosen(current.data.topics);
  }, [current.data]);

  const save = async () => {
    setBusy(true);
    try {
      if (chosen.length) await askSubscribeConsent('notice');
      current.setData(await saveSubscriptions(chosen));
      toast(chosen.length ? '订阅成功' : '已取消全部订阅', 'success');
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!signedIn) return <PageShell />;
  return (
    <PageShell className="subscribe">
      <AsyncView loading={topics.loading || current.loading} error={topics.error ?? current.error} onRetry={() => (topics.reload(), current.reload())}>
        <View className="ow-form">
          <Text className="subscribe__intro">选择您关心的主题，有新通知时将短信提醒您。回复TD可退订。</Text>
          {current.data && !current.data.phoneVerified && <Text className="ow-form-error">请先验证手机号码后再订阅短信通知</Text>}
          <Checkbox.Group value={chosen} onChange={(value: string[]) => setChosen(value)}>
            {topics.data?.map((t) => (
              <View key={t.code} className="subscribe__topic">
                <Checkbox value={t.code} label={t.name} />
              </View>
            ))}
          </Checkbox.Group>
          <Button block type="primary" size="large" loading={busy} onClick={save} disabled={current.data && !current.data.phoneVerified && chosen.length > 0}>
            保存订阅
          </Button>
          {process.env.TARO_ENV === 'weapp' && <Text className="ow-footnote">保存时微信会询问是否允许接收订阅消息</Text>}
        </View>
      </AsyncView>
    </PageShell>
  );
}
