/**
 * Filing a complaint, consultation or suggestion: type, category, what happened, whom it concerns,
 * photos, and the anonymous option. Without a verified phone the resident gives one for tracking.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { PhotoPicker } from '../../../components/photo-picker';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import type { ChosenUpload } from '../../../services/applications';
import { fetchComplaintOptions, fileComplaint, uploadComplaintPhoto } from '../../../services/complaints';
import { useSession } from '../../../store/session';
import { messageOf, toast } from '../../../utils/feedback';
import { go, replace } from '../../../utils/navigation';
import { askSubscribeConsent } from '../../../utils/subscribe-message';
import { draftProblem, EMPTY_COMPLAINT, toInput, TYPE_HINTS, type ComplaintDraft } from './complaint-form';
import './index.scss';

export default function NewComplaint() {
  const session = useSession();
  const options = useAsync(fetchComplaintOptions, []);
  const [draft, setDraft] = useState<ComplaintDraft>(EMPTY_COMPLAINT);
  const [photos, setPhotos] = useState<ChosenUpload[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const needsPhone = !(session.role === 'resident' && session.resident?.phoneVerified);
  const update = (patch: Partial<ComplaintDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const bad = draftProblem(draft, needsPhone);
    setProblem(bad);
    if (bad || busy) return;
    setBusy(true);
    try {
      await askSubscribeConsent('complaint');
      const filed = await fileComplaint(toInput(draft, needsPhone));
      const holder = needsPhone ? { phoneLast4: draft.phone.trim().slice(-4) } : {};
      let failed = 0;
      for (const photo of photos) {
        try {
          await uploadComplaintPhoto(filed.trackingNumber, photo, holder);
        } catch {
          failed++;
        }
      }
      toast(failed ? `已提交，${failed}张照片上传失败，可在详情页补充` : '已提交', failed ? 'none' : 'success');
      replace('complaintDetail', { tn: filed.trackingNumber, ...(needsPhone ? { last4: holder.phoneLast4 } : {}) });
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="complaint-new">
      <AsyncView loading={options.loading} error={options.error} onRetry={options.reload}>
        {options.data && (
          <>
            <Section title="您要反映">
              <View className="ow-chips complaint-new__chips">
                {options.data.types.map((t) => (
                  <View key={t.code} className={`ow-chip ${draft.type === t.code ? 'is-active' : ''}`} onClick={() => update({ type: t.code })}>
                    {t.name}
                  </View>
                ))}
              </View>
              <Text className="complaint-new__hint">{TYPE_HINTS[draft.type]}</Text>
            </Section>
            <Section title="类别">
              <View className="ow-chips complaint-new__chips">
                {options.data.categories.map((c) => (
                  <View key={c.code} className={`ow-chip ${draft.category === c.code ? 'is-active' : ''}`} onClick={() => update({ category: c.code })}>
                    {c.name}
                  </View>
                ))}
              </View>
              {draft.category && <Text className="complaint-new__hint">{options.data.categories.find((c) => c.code === draft.category)?.description}</Text>}
            </Section>
            <Section title="具体情况">
              <TextArea
                className="complaint-new__content"
                value={draft.content}
                maxLength={2000}
                showCount
                placeholder="请写明时间、地点、经过和您的诉求"
                onChange={(value: string) => update({ content: value })}
              />
              <View className="ow-field complaint-new__target">
                <Text className="ow-field__label">涉及的部门或窗口（可不填）</Text>
                <Input value={draft.department} placeholder="如：市场准入综合窗口" onChange={(value: string) => update({ department: value })} />
              </View>
              <View className="ow-field">
                <Text className="ow-field__label">涉及的工作人员（可不填）</Text>
                <Input value={draft.staff} placeholder="姓名或工号" onChange={(value: string) => update({ staff: value })} />
              </View>
              <View className="ow-field">
                <Text className="ow-field__label">照片（可不填，最多{options.data.photos.max}张）</Text>
                <PhotoPicker max={options.data.photos.max} onChange={setPhotos} />
              </View>
            </Section>
            <Section title="联系与隐私">
              {needsPhone && (
                <View className="ow-field">
                  <Text className="ow-field__label">手机号码</Text>
                  <Input
                    type={process.env.TARO_ENV === 'weapp' ? 'number' : 'tel'}
                    maxLength={11}
                    value={draft.phone}
                    placeholder="用于查询进度和接收答复"
                    onChange={(value: string) => update({ phone: value })}
                  />
                </View>
              )}
              <View className="complaint-new__anonymous">
                <View className="complaint-new__anonymous-text">
                  <Text className="complaint-new__anonymous-title">匿名提交</Text>
                  <Text className="complaint-new__hint">处理人员看不到您的姓名和手机号，您仍可凭查询码跟进</Text>
                </View>
                <Switch checked={draft.anonymous} onChange={(value: boolean) => update({ anonymous: value })} />
              </View>
            </Section>
            {problem && (
              <View className="complaint-new__problem ow-form-error" role="alert">
                {problem}
              </View>
            )}
            <View className="complaint-new__follow">
              <Text className="ow-link" onClick={() => go(session.role === 'resident' ? 'complaintMine' : 'complaintDetail')}>
                {session.role === 'resident' ? '查看我提交过的投诉建议' : '已提交过？凭查询码查看进度'}
              </Text>
            </View>
            <View className="ow-bottom-bar">
              <Button type="primary" size="large" loading={busy} onClick={submit}>
                提交
              </Button>
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}
