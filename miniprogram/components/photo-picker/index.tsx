/**
 * Picks photos to send later (a complaint's photos are uploaded once it has a tracking number):
 * NutUI's Uploader without automatic upload, reporting the chosen files.
 */
import { Text, View } from '@tarojs/components';
import { Uploader } from '@nutui/nutui-react-taro';
import type { ChosenUpload } from '../../services/applications';
import { toUpload, type ChosenFile } from '../material-uploads';
import { toast } from '../../utils/feedback';

export interface PhotoPickerProps {
  max: number;
  onChange: (files: ChosenUpload[]) => void;
  hint?: string;
}

/** NutUI's list items keep the chosen file under `file`. */
export function chosenFiles(items: Array<{ file?: ChosenFile }>): ChosenUpload[] {
  return items.map((item) => (item.file ? toUpload(item.file) : undefined)).filter((f): f is ChosenUpload => Boolean(f));
}

export function PhotoPicker({ max, onChange, hint }: PhotoPickerProps) {
  return (
    <View className="ow-photo-picker">
      <Uploader
        autoUpload={false}
        multiple
        maxCount={max}
        mediaType={['image']}
        accept="image/*"
        uploadLabel="添加照片"
        onChange={(items: unknown) => onChange(chosenFiles(items as Array<{ file?: ChosenFile }>))}
        onOverCount={() => toast(`最多添加${max}张照片`)}
      />
      {hint && <Text className="ow-photo-picker__hint">{hint}</Text>}
    </View>
  );
}
