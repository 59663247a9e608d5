/**
 * The materials a guide asks for, as a checklist the resident ticks while preparing: required and
 * optional, paper or electronic, copies, who issues it, notes, and blank forms.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Checkbox, Tag } from '@nutui/nutui-react-taro';
import type { GuideMaterial } from '../../services/guides';
import { checklistProgress, materialMeta, progressText, toggled } from './checklist';

export interface MaterialsChecklistProps {
  materials: GuideMaterial[];
  /** Tickable while preparing; read-only otherwise. */
  checkable?: boolean;
  onProgress?: (complete: boolean) => void;
}

function openForm(url: string, label: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: `${label}链接已复制`, icon: 'none' }));
}

export function MaterialsChecklist({ materials, checkable = true, onProgress }: MaterialsChecklistProps) {
  const [ready, setReady] = useState<Set<number>>(() => new Set());
  const progress = checklistProgress(materials, ready);

  if (materials.length === 0) return <View className="ow-materials ow-materials--none">无需提交材料</View>;

  const toggle = (index: number) => {
    const next = toggled(ready, index);
    setReady(next);
    onProgress?.(checklistProgress(materials, next).complete);
  };

  return (
    <View className="ow-materials">
      {checkable && (
        <View className={`ow-materials__progress ${progress.complete ? 'is-complete' : ''}`} role="status">
          {progressText(progress)}
        </View>
      )}
      {materials.map((material, index) => (
        <View key={`${index}-${material.name}`} className={`ow-materials__item ${ready.has(index) ? 'is-ready' : ''}`}>
          {checkable && (
            <View className="ow-materials__check" onClick={() => toggle(index)}>
              <Checkbox checked={ready.has(index)} aria-label={`已准备${material.name}`} />
            </View>
          )}
          <View className="ow-materials__main" onClick={checkable ? () => toggle(index) : undefined}>
            <View className="ow-materials__name">
              <Text>{`${index + 1}. ${material.name}`}</Text>
              <Tag type={material.required ? 'danger' : 'default'} plain className="ow-materials__tag">
                {material.required ? '必需' : '视情况提供'}
              </Tag>
            </View>
            <Text className="ow-materials__meta">{materialMeta(material)}</Text>
            {material.notes && <Text className="ow-materials__notes">{material.notes}</Text>}
          </View>
          {(material.blankFormUrl || material.sampleUrl) && (
            <View className="ow-materials__forms">
              {material.blankFormUrl && (
                <Text className="ow-link" onClick={() => openForm(material.blankFormUrl!, '空白表格')}>
                  空白表格
                </Text>
              )}
              {material.sampleUrl && (
                <Text className="ow-link" onClick={() => openForm(material.sampleUrl!, '填写样例')}>
                  填写样例
                </Text>
              )}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
