/**
 * Calling at the clerk's own window: call the next ticket (booked ones first by their slot),
 * mark it served or no-show, check a booking in by its code, issue a walk-in ticket.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { callNext, checkInBooking, fetchMyQueue, issueWalkIn, markNoShow, markServed } from '../../../services/queue';
import { toast, toastError } from '../../../utils/feedback';
import { StaffNav } from '../staff-nav';
import '../staff.scss';
import './index.scss';

const REFRESH_MS = 15_000;

export default function QueueCalling() {
  const signedIn = useRequireLogin('staff');
  const queue = useAsync(fetchMyQueue, [], { skip: !signedIn });
  const [counter, setCounter] = useState('1');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!signedIn) return undefined;
    const timer = setInterval(queue.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [signedIn, queue.reload]);

  const run = async (work: () => Promise<string | undefined>) => {
    if (busy) return;
    setBusy(true);
    try {
      const message = await work();
      if (message) toast(message, 'success');
      queue.reload();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  const next = () =>
    run(async () => {
      const n = Number(counter);
      const { ticket, waiting } = await callNext(Number.isInteger(n) && n > 0 ? n : undefined);
      return ticket ? `请${ticket.number}号到${ticket.counter ?? counter}号柜台（还有${waiting}人等候）` : '当前没有等候的号';
    });

  if (!signedIn) return <PageShell />;
  const data = queue.data;
  return (
    <PageShell className="queue">
      <StaffNav current="staffQueue" />
      <AsyncView loading={queue.loading && !data} error={queue.error} onRetry={queue.reload}>
        {data && (
          <>
            <Section title="正在办理">
              {data.called.length === 0 && <Text className="queue__none">暂无，点击“叫下一位”</Text>}
              {data.called.map((t) => (
                <View key={t.id} className="queue__called">
                  <Text className="queue__number">{t.number}</Text>
                  <View className="queue__called-info">
                    <Text>
                      {t.kindName} · {t.counter ? `${t.counter}号柜台` : ''}
                    </Text>
                    {t.guide?.name && <Text className="queue__guide">{t.guide.name}</Text>}
                  </View>
                  <View className="queue__called-actions">
                    <Button size="small" type="success" disabled={busy} onClick={() => run(async () => (await markServed(t.id), `${t.number}号已办理`))}>
                      已办理
                    </Button>
                    <Button size="small" type="default" disabled={busy} onClick={() => run(async () => (await markNoShow(t.id), `${t.number}号已过号`))}>
                      过号
                    </Button>
                  </View>
                </View>
              ))}
              <View className="queue__call">
                <View className="queue__counter">
                  <Text>柜台号</Text>
                  <Input type="digit" value={counter} maxLength={2} onChange={(v: string) => setCounter(v)} className="queue__counter-input" />
                </View>
                <Button type="primary" size="large" loading={busy} onClick={next} className="queue__next">
                  叫下一位
                </Button>
              </View>
            </Section>
            <Section title="预约签到 / 现场取号">
              <View className="ow-field__row">
                <Input value={code} placeholder="输入预约码或扫码内容" onChange={(v: string) => setCode(v)} className="queue__code" />
                <Button
                  size="small"
                  type="primary"
                  disabled={busy || code.trim().length < 4}
                  onClick={() =>
                    run(async () => {
                      const ticket = await checkInBooking(code.trim());
                      setCode('');
                      return `签到成功，排队号${ticket.number}`;
                    })
                  }
                >
                  签到取号
                </Button>
              </View>
              <Button block fill="outline" disabled={busy} onClick={() => run(async () => `现场号${(await issueWalkIn()).number}`)} className="queue__walk-in">
                发放现场号
              </Button>
            </Section>
            <Section title={`等候中 ${data.waiting.length} 人`}>
              {data.waiting.length === 0 && <Text className="queue__none">暂无等候</Text>}
              {data.waiting.map((t) => (
                <View key={t.id} className="queue__waiting">
                  <Text className="queue__waiting-number">{t.number}</Text>
                  <Tag plain type={t.kind === 'booked' ? 'primary' : 'default'}>
                    {t.kindName}
                  </Tag>
                  <Text className="queue__guide">{t.guide?.name ?? ''}</Text>
                </View>
              ))}
            </Section>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}
