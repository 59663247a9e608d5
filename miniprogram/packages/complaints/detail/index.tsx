/**
 * Following a complaint, consultation or suggestion: its progress and answers, with the filer's
 * actions. The signed-in filer needs nothing more; others give the tracking number and the phone's
 * last four digits.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Step, Steps, Tag } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { lookupComplaint, type Holder } from '../../../services/complaints';
import { useSession } from '../../../store/session';
import { dateTimeLabel } from '../../../utils/format';
import { pageUrl } from '../../../utils/navigation';
import { FollowActions } from './follow-actions';
import { FollowForm } from './follow-form';
import './index.scss';

export default function ComplaintDetail() {
  const params = usePageParams();
  const session = useSession();
  const signedIn = session.role === 'resident';
  const [trackingNumber, setTrackingNumber] = useState(params.tn ?? '');
  const [holder, setHolder] = useState<Holder>(params.last4 ? { phoneLast4: params.last4 } : {});
  const found = useAsync(() => lookupComplaint(trackingNumber, holder), [trackingNumber, holder.phoneLast4], { skip: !trackingNumber });
  const c = found.data;
  const login = () => void Taro.navigateTo({ url: pageUrl('login', { redirect: pageUrl('complaintDetail', { tn: trackingNumber }) }) });

  if (!trackingNumber) {
    return (
      <PageShell className="complaint-detail">
        <FollowForm
          needsLast4={!signedIn}
          onFind={(tn, last4) => {
            setHolder(last4 ? { phoneLast4: last4 } : {});
            setTrackingNumber(tn);
          }}
        />
      </PageShell>
    );
  }

  return (
    <PageShell className="complaint-detail">
      <AsyncView loading={found.loading && !c} error={found.error} onRetry={found.reload} rows={6}>
        {c && (
          <>
            <View className="ow-page-header">
              <Text className="ow-page-header__title">
                {c.typeName} · {c.categoryName}
              </Text>
              <Text className="ow-page-header__sub complaint-detail__number">查询码 {c.trackingNumber}</Text>
            </View>
            <Section title="办理进度" extra={<Tag type={c.status === 'closed' ? 'success' : 'primary'}>{c.statusName}</Tag>}>
              <View className="ow-kv">
                <Text className="ow-kv__key">提交时间</Text>
                <Text className="ow-kv__value">{dateTimeLabel(c.receivedAt)}</Text>
              </View>
              {c.status !== 'closed' && (
                <View className="ow-kv">
                  <Text className="ow-kv__key">答复期限</Text>
                  <Text className="ow-kv__value">{c.answerBy}前</Text>
                </View>
              )}
              {c.department && (
                <View className="ow-kv">
                  <Text className="ow-kv__key">承办部门</Text>
                  <Text className="ow-kv__value">{c.department}</Text>
                </View>
              )}
              {c.anonymous && <Text className="complaint-detail__hint">匿名提交：处理人员看不到您的姓名和手机号</Text>}
              <Steps direction="vertical" type="dot" value={c.timeline.length}>
                {[...c.timeline].reverse().map((e, i) => (
                  <Step key={`${e.at}-${i}`} value={c.timeline.length - i} title={e.name} description={`${dateTimeLabel(e.at)}${e.department ? ` · ${e.department}` : ''}`} />
                ))}
              </Steps>
            </Section>
            {c.replies.length > 0 && (
              <Section title="答复">
                {c.replies.map((r, i) => (
                  <View key={i} className="complaint-detail__reply">
                    <Text className="complaint-detail__reply-text">{r.text}</Text>
                    <Text className="complaint-detail__meta">
                      {r.department ?? '政务服务中心'} · {dateTimeLabel(r.at)}
                    </Text>
                  </View>
                ))}
              </Section>
            )}
            <Section title="反映内容">
              <Text className="complaint-detail__content">{c.content}</Text>
              {c.photos.length > 0 && <Text className="complaint-detail__photos">照片 {c.photos.length} 张：{c.photos.map((p) => p.name ?? '照片').join('、')}</Text>}
              {c.additions.map((a, i) => (
                <Text key={i} className="complaint-detail__addition">
                  补充（{dateTimeLabel(a.at)}）：{a.text}
                </Text>
              ))}
            </Section>
            <FollowActions complaint={c} holder={holder} signedIn={signedIn} onChange={found.setData} onRated={found.reload} onLogin={login} />
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}
