/** Rating a finished case once: five stars with the national level names and a comment. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Rate, TextArea } from '@nutui/nutui-react-taro';
import type { RatingLevel } from '../../services/ratings';
import { messageOf } from '../../utils/feedback';
import { BAD_LEVEL_MAX, levelName, ratingProblem } from './rating-rules';

export interface RatingFormProps {
  onSubmit: (level: RatingLevel, comment: string) => Promise<unknown>;
}

export function RatingForm({ onSubmit }: RatingFormProps) {
  const [level, setLevel] = useState(0);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (done) return <View className="ow-rating ow-rating--done">感谢您的评价！</View>;

  const submit = async () => {
    const bad = ratingProblem(level, comment);
    setProblem(bad);
    if (bad) return;
    setBusy(true);
    try {
      await onSubmit(level as RatingLevel, comment.trim());
      setDone(true);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="ow-rating">
      <View className="ow-rating__stars">
        <Rate value={level} count={5} onChange={(value: number) => setLevel(value)} />
        <Text className={`ow-rating__level ${level && level <= BAD_LEVEL_MAX ? 'is-bad' : ''}`}>{levelName(level)}</Text>
      </View>
      <TextArea
        className="ow-rating__comment"
        value={comment}
        maxLength={500}
        placeholder={level && level <= BAD_LEVEL_MAX ? '请写明不满意的原因，我们将督促整改并回访' : '说说您的感受（可不填）'}
        onChange={(value: string) => setComment(value)}
      />
      {problem && (
        <View className="ow-form-error" role="alert">
          {problem}
        </View>
      )}
      <Button block type="primary" loading={busy} onClick={submit} className="ow-rating__submit">
        提交评价
      </Button>
    </View>
  );
}
