/** What the filer can still do: add information or photos, confirm the answer, ask again, rate. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, TextArea, Uploader } from '@nutui/nutui-react-taro';
import { toUpload, type ChosenFile } from '../../../components/material-uploads';
import { RatingForm } from '../../../components/rating-form';
import { Section } from '../../../components/section';
import {
  addComplaintInformation,
  confirmComplaintAnswer,
  reopenComplaint,
  uploadComplaintPhoto,
  type Complaint,
  type Holder,
} from '../../../services/complaints';
import { submitRating } from '../../../services/ratings';
import { toast, toastError } from '../../../utils/feedback';

export interface FollowActionsProps {
  complaint: Complaint;
  holder: Holder;
  signedIn: boolean;
  onChange: (complaint: Complaint) => void;
  /** After a rating: the item no longer offers reopening. */
  onRated: () => void;
  onLogin: () => void;
}

export function FollowActions({ complaint: c, holder, signedIn, onChange, onRated, onLogin }: FollowActionsProps) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [reopening, setReopening] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<Complaint>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      onChange(await work());
      toast(done, 'success');
    } catch (error) {
      toastError(error);
      throw error;
    } finally {
      setBusy(false);
    }
  };

  const addPhoto = async (file: ChosenFile) => {
    const chosen = toUpload(file);
    if (!chosen) throw new Error('no file');
    await run(() => uploadComplaintPhoto(c.trackingNumber, chosen, holder), '照片已补充');
    return { url: chosen.filePath };
  };

  return (
    <>
      {c.actions.confirm && (
        <Section title="对答复是否满意">
          <Text className="complaint-detail__hint">确认后本事项办结；如不满意，可申请重新办理。</Text>
          <View className="complaint-detail__buttons">
            <Button type="primary" disabled={busy} onClick={() => void run(() => confirmComplaintAnswer(c.trackingNumber, holder), '已确认办结').catch(() => undefined)}>
              确认办结
            </Button>
            {c.actions.reopen && (
              <Button fill="outline" onClick={() => setReopening(true)}>
                申请重新办理
              </Button>
            )}
          </View>
        </Section>
      )}
      {!c.actions.confirm && c.actions.reopen && (
        <Section title="对结果不满意">
          <Button fill="outline" onClick={() => setReopening(true)}>
            申请重新办理
          </Button>
        </Section>
      )}
      {c.actions.rate && (
        <Section title="评价本次办理">
          {signedIn ? (
            <RatingForm
              onSubmit={async (level, comment) => {
                await submitRating({ caseType: 'complaint', caseId: c.trackingNumber, level, comment: comment || undefined });
                onRated();
              }}
            />
          ) : (
            <Text className="ow-link" onClick={onLogin}>
              登录后可评价
            </Text>
          )}
        </Section>
      )}
      {c.rated && (
        <Section title="评价本次办理">
          <Text className="complaint-detail__rated">您已评价，感谢您的监督！</Text>
        </Section>
      )}
      {c.actions.addInformation && (
        <Section title="补充说明">
          <TextArea className="complaint-detail__more" value={text} maxLength={2000} placeholder="补充新的情况或证据说明" onChange={(v: string) => setText(v)} />
          <Button
            fill="outline"
            disabled={busy || text.trim().length === 0}
            onClick={() =>
              void run(() => addComplaintInformation(c.trackingNumber, text.trim(), holder), '已补充')
                .then(() => setText(''))
                .catch(() => undefined)
            }
          >
            提交补充
          </Button>
        </Section>
      )}
      {c.actions.addPhotos && (
        <Section title="补充照片">
          <Uploader upload={addPhoto as never} mediaType={['image']} accept="image/*" uploadLabel="添加照片" deletable={false} maxCount={5 - c.photos.length} />
        </Section>
      )}
      <Dialog
        visible={reopening}
        title="申请重新办理"
        confirmText="提交"
        cancelText="取消"
        onCancel={() => setReopening(false)}
        onConfirm={async () => {
          if (reason.trim().length < 2) {
            toast('请说明需要重新办理的理由');
            throw new Error('reason required'); // keeps the dialog open
          }
          await run(() => reopenComplaint(c.trackingNumber, reason.trim(), holder), '已申请重新办理');
          setReopening(false);
        }}
      >
        <TextArea value={reason} maxLength={500} placeholder="请说明对答复不满意的地方" onChange={(v: string) => setReason(v)} />
      </Dialog>
    </>
  );
}
