/**
 * The flow's buttons for one application, for this staff member. Actions that need words (a
 * reason, what is missing, a procedure, extra days) ask for them in a dialog first.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Input, Radio, TextArea } from '@nutui/nutui-react-taro';
import type { StaffProfile } from '../../services/staff-auth';
import type { SpecialProcedure, StaffApplication, TransitionInput } from '../../services/staff-applications';
import { messageOf } from '../../utils/feedback';
import { availableActions, draftProblem, EMPTY_DRAFT, PROCEDURE_NAMES, transitionBody, type ActionDraft, type ActionSpec } from './actions';

export interface ApplicationActionsProps {
  application: Pick<StaffApplication, 'state' | 'department' | 'caseType' | 'paused'>;
  staff: Pick<StaffProfile, 'roles' | 'department' | 'chiefRepresentative'>;
  onAct: (input: TransitionInput) => Promise<unknown>;
}

const INPUT_TITLES: Record<string, string> = {
  reason: '理由（将告知申请人）',
  missing: '需补正的材料（将短信告知申请人）',
  pickup: '领取方式（将短信告知申请人）',
  note: '备注（可不填）',
};

function DraftFields({ spec, draft, setDraft }: { spec: ActionSpec; draft: ActionDraft; setDraft: (d: ActionDraft) => void }) {
  const area = (field: 'note' | 'reason' | 'missing' | 'pickup', placeholder: string) => (
    <View className="ow-actions__field">
      <Text className="ow-actions__label">{INPUT_TITLES[field]}</Text>
      <TextArea value={draft[field]} placeholder={placeholder} maxLength={200} onChange={(value: string) => setDraft({ ...draft, [field]: value })} className={`ow-actions__${field}`} />
    </View>
  );
  switch (spec.input) {
    case 'reason':
      return area('reason', '请填写理由');
    case 'missing':
      return area('missing', '如：营业执照复印件不清晰，请重新上传');
    case 'pickup':
      return area('pickup', '默认：请携带身份证件到受理窗口领取');
    case 'note':
      return area('note', '可不填');
    case 'procedure':
      return (
        <View className="ow-actions__field">
          <Text className="ow-actions__label">特别程序（暂停计时）</Text>
          <Radio.Group value={draft.procedure} onChange={(value) => setDraft({ ...draft, procedure: String(value) as SpecialProcedure })} direction="horizontal">
            {(Object.keys(PROCEDURE_NAMES) as SpecialProcedure[]).map((p) => (
              <Radio key={p} value={p}>
                {PROCEDURE_NAMES[p]}
              </Radio>
            ))}
          </Radio.Group>
          {area('note', '可不填')}
        </View>
      );
    case 'extension':
      return (
        <View className="ow-actions__field">
          <Text className="ow-actions__label">延长工作日天数（1-60）</Text>
          <Input type="digit" value={draft.days} placeholder="如：5" onChange={(value: string) => setDraft({ ...draft, days: value })} className="ow-actions__days" />
          {area('reason', '请填写延长理由')}
        </View>
      );
    default:
      return null;
  }
}

export function ApplicationActions({ application, staff, onAct }: ApplicationActionsProps) {
  const [open, setOpen] = useState<ActionSpec>();
  const [draft, setDraft] = useState<ActionDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const actions = availableActions(application, staff);

  if (actions.length === 0) return <View className="ow-actions ow-actions--none">当前状态无需您处理</View>;

  const run = async (spec: ActionSpec, withDraft: ActionDraft) => {
    const bad = draftProblem(spec.input, withDraft);
    setProblem(bad);
    if (bad || busy) return;
    setBusy(true);
    try {
      await onAct(transitionBody(spec, withDraft) as TransitionInput);
      setOpen(undefined);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const start = (spec: ActionSpec) => {
    setDraft(EMPTY_DRAFT);
    setProblem(undefined);
    if (spec.input === 'none') void run(spec, EMPTY_DRAFT);
    else setOpen(spec);
  };

  return (
    <View className="ow-actions">
      <View className="ow-actions__buttons">
        {actions.map((spec) => (
          <Button key={spec.action} type={spec.negative ? 'danger' : 'primary'} fill={spec.negative ? 'outline' : 'solid'} onClick={() => start(spec)} disabled={busy} className={`ow-actions__button ow-actions__button--${spec.action}`}>
            {spec.label}
          </Button>
        ))}
      </View>
      {!open && problem && (
        <View className="ow-form-error" role="alert">
          {problem}
        </View>
      )}
      <Dialog
        visible={Boolean(open)}
        title={open?.label}
        confirmText="确定"
        cancelText="取消"
        closeOnOverlayClick={false}
        onConfirm={() => (open ? run(open, draft) : undefined)}
        onCancel={() => setOpen(undefined)}
      >
        {open && (
          <View className="ow-actions__dialog">
            <DraftFields spec={open} draft={draft} setDraft={setDraft} />
            {problem && (
              <View className="ow-form-error" role="alert">
                {problem}
              </View>
            )}
          </View>
        )}
      </Dialog>
    </View>
  );
}
