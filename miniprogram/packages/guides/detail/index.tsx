/**
 * One guide in full: facts, conditions, the materials checklist, steps, time limits and fees,
 * where and when (service points with hours and a map), FAQs, and buttons to book or apply.
 */
import { Text, View } from '@tarojs/components';
import { Button, Step, Steps, Tag } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { MaterialsChecklist } from '../../../components/materials-checklist';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { ServicePointCard } from '../../../components/service-point-card';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { getGuide } from '../../../services/guides';
import { go } from '../../../utils/navigation';
import { guideFacts } from './guide-facts';
import './index.scss';

export default function GuideDetailPage() {
  const { code = '' } = usePageParams();
  const { data: guide, error, loading, reload } = useAsync(() => getGuide(code), [code]);

  return (
    <PageShell className="guide-detail">
      <AsyncView loading={loading} error={error} onRetry={reload} rows={8}>
        {guide && (
          <>
            <View className="ow-page-header">
              <Text className="ow-page-header__title guide-detail__name">{guide.name}</Text>
              <Text className="ow-page-header__sub">
                {guide.windowName} · {guide.department}
              </Text>
              <View className="guide-detail__tags">
                <Tag type="default">{guide.type}</Tag>
                {guide.online && <Tag type="default">可网办</Tag>}
                {guide.bookable && <Tag type="default">可预约</Tag>}
              </View>
            </View>

            <Section title="办理要点">
              {guideFacts(guide).map((row) => (
                <View key={row.label} className="ow-kv">
                  <Text className="ow-kv__key">{row.label}</Text>
                  <Text className="ow-kv__value">{row.value}</Text>
                </View>
              ))}
            </Section>

            {guide.conditions.length > 0 && (
              <Section title="申请条件">
                {guide.conditions.map((c, i) => (
                  <Text key={i} className="guide-detail__para">
                    {i + 1}. {c}
                  </Text>
                ))}
              </Section>
            )}

            <Section title="申请材料" extra={<Text className="guide-detail__hint">勾选已准备的材料</Text>}>
              <MaterialsChecklist materials={guide.materials} />
            </Section>

            {guide.steps.length > 0 && (
              <Section title="办理流程">
                <Steps direction="vertical" value={guide.steps.length}>
                  {guide.steps.map((step, i) => (
                    <Step key={i} value={i + 1} title={`第${i + 1}步`} description={step} />
                  ))}
                </Steps>
              </Section>
            )}

            {guide.specialProcedures.length > 0 && (
              <Section title="特别程序" className="ow-elder-hidden">
                {guide.specialProcedures.map((p) => (
                  <Text key={p.name} className="guide-detail__para">
                    {p.name}
                    {p.limitDays != null ? `（${p.limitDays}个工作日，不计入办理时限）` : ''}
                  </Text>
                ))}
              </Section>
            )}

            <Section title="办理地点和时间">
              {guide.handledAt.length === 0 && <Text className="guide-detail__para">{guide.location ?? '请咨询窗口'}</Text>}
              {guide.handledAt.map((place) => (
                <ServicePointCard
                  key={place.code}
                  point={place}
                  action={
                    guide.bookable ? (
                      <Button size="small" type="primary" onClick={() => go('bookingNew', { guide: guide.code, point: place.code })}>
                        预约此处
                      </Button>
                    ) : undefined
                  }
                />
              ))}
            </Section>

            {guide.faqs.length > 0 && (
              <Section title="常见问题">
                {guide.faqs.map((faq, i) => (
                  <View key={i} className="guide-detail__faq">
                    <Text className="guide-detail__q">问：{faq.question}</Text>
                    <Text className="guide-detail__a">答：{faq.answer}</Text>
                  </View>
                ))}
              </Section>
            )}

            <Section title="设定依据" className="ow-elder-hidden">
              {guide.legalBasis.map((basis, i) => (
                <Text key={i} className="guide-detail__basis">
                  {basis}
                </Text>
              ))}
            </Section>

            {(guide.bookable || guide.online) && (
              <View className="ow-bottom-bar">
                {guide.bookable && (
                  <Button type="primary" fill={guide.online ? 'outline' : 'solid'} size="large" onClick={() => go('bookingNew', { guide: guide.code })}>
                    预约办理
                  </Button>
                )}
                {guide.online && (
                  <Button type="primary" size="large" onClick={() => go('applicationApply', { guide: guide.code })}>
                    网上申报
                  </Button>
                )}
              </View>
            )}
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}
