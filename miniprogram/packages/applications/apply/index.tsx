/**
 * Online application: check the resident is real-name bound with a phone, pick where the case is
 * handled, submit; the materials are then uploaded on the application's own page.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Radio } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { MaterialsChecklist } from '../../../components/materials-checklist';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { useCurrentUrl, usePageParams } from '../../../hooks/use-page-params';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { submitApplication } from '../../../services/applications';
import { getGuide } from '../../../services/guides';
import { fetchMe } from '../../../services/me';
import { askSubscribeConsent } from '../../../utils/subscribe-message';
import { messageOf, toast } from '../../../utils/feedback';
import { go, replace } from '../../../utils/navigation';

export default function Apply() {
  const signedIn = useRequireLogin('resident');
  const { guide: guideCode = '' } = usePageParams();
  const here = useCurrentUrl();
  const guide = useAsync(() => getGuide(guideCode), [guideCode]);
  const me = useAsync(fetchMe, [], { skip: !signedIn });
  const [point, setPoint] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (guide.data && !point) setPoint(guide.data.handledAt[0]?.code ?? '');
  }, [guide.data, point]);

  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await askSubscribeConsent('application');
      const app = await submitApplication(guideCode, point || undefined);
      toast('申报已提交，请上传材料', 'success');
      replace('applicationDetail', { number: app.number });
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (!signedIn) return <PageShell />;
  const g = guide.data;
  const profile = me.data;
  return (
    <PageShell className="apply">
      <AsyncView loading={guide.loading || me.loading} error={guide.error ?? me.error} onRetry={() => (guide.reload(), me.reload())}>
        {g && profile && (
          <>
            <View className="ow-page-header">
              <Text className="ow-page-header__title">{g.name}</Text>
              <Text className="ow-page-header__sub">{g.department}</Text>
            </View>
            {!g.online && <Section title="暂不支持网上申报">该事项请预约到窗口办理。</Section>}
            <Section title="申请人">
              <View className="ow-kv">
                <Text className="ow-kv__key">实名认证</Text>
                <Text className="ow-kv__value">{profile.realName ? `${profile.realName.name}（${profile.realName.idNumber}）` : '未认证'}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">手机号码</Text>
                <Text className="ow-kv__value">{profile.phone ?? '未验证'}</Text>
              </View>
              {!profile.realName && (
                <Button type="primary" fill="outline" onClick={() => go('realName', { redirect: here })}>
                  先去实名认证
                </Button>
              )}
            </Section>
            {g.handledAt.length > 1 && (
              <Section title="办理地点">
                <Radio.Group value={point} onChange={(v) => setPoint(String(v))}>
                  {g.handledAt.map((p) => (
                    <View key={p.code} className="apply__point">
                      <Radio value={p.code}>{p.name}</Radio>
                    </View>
                  ))}
                </Radio.Group>
              </Section>
            )}
            <Section title="需要准备的材料">
              <MaterialsChecklist materials={g.materials} checkable={false} />
              <Text className="ow-footnote">提交后可在办件页面逐项上传材料照片</Text>
            </Section>
            {problem && (
              <View className="apply__problem">
                <View className="ow-form-error" role="alert">
                  {problem}
                </View>
              </View>
            )}
            <View className="ow-bottom-bar">
              <Button type="primary" size="large" loading={busy} disabled={!g.online || !profile.realName} onClick={submit}>
                提交申报
              </Button>
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}
