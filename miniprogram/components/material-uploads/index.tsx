/**
 * Uploading the materials of an online application: one NutUI Uploader per material, each file
 * sent on its own (JPG, PNG, WEBP or PDF; the gateway checks the content, not the name).
 */
import { Text, View } from '@tarojs/components';
import { Tag, Uploader } from '@nutui/nutui-react-taro';
import type { ApplicationMaterial, ChosenUpload, OwnApplication } from '../../services/applications';
import { fileSizeLabel } from '../../utils/format';
import { toast, toastError } from '../../utils/feedback';

/** What NutUI's Uploader hands to `upload`: the chosen file as Taro describes it. */
export interface ChosenFile {
  tempFilePath?: string;
  path?: string;
  size?: number;
  originalFileObj?: Blob & { name?: string };
}

/** What to send for a chosen file: its path, its name, and in the browser the File itself. */
export function toUpload(file: ChosenFile): ChosenUpload | undefined {
  const filePath = file.tempFilePath ?? file.path;
  if (!filePath) return undefined;
  return { filePath, fileName: file.originalFileObj?.name, browserFile: file.originalFileObj };
}

export interface MaterialUploadsProps {
  materials: ApplicationMaterial[];
  /** Whether the application still takes files. */
  open: boolean;
  upload: (index: number, file: ChosenUpload) => Promise<OwnApplication>;
  onUploaded: (application: OwnApplication) => void;
  maxFiles?: number;
}

export function MaterialUploads({ materials, open, upload, onUploaded, maxFiles = 5 }: MaterialUploadsProps) {
  const send = (index: number) => async (file: ChosenFile) => {
    const chosen = toUpload(file);
    if (!chosen) throw new Error('no file');
    try {
      const updated = await upload(index, chosen);
      onUploaded(updated);
      toast('上传成功', 'success');
      return { url: chosen.filePath };
    } catch (error) {
      toastError(error, '上传失败，请重试');
      throw error;
    }
  };

  return (
    <View className="ow-uploads">
      {materials.map((m) => (
        <View key={m.index} className="ow-uploads__item" data-material-index={m.index}>
          <View className="ow-materials__name">
            <Text className="ow-uploads__name">{`${m.index + 1}. ${m.name}`}</Text>
            <Tag type={m.required ? 'danger' : 'default'} plain>
              {m.required ? '必需' : '视情况提供'}
            </Tag>
          </View>
          {m.files.length > 0 ? (
            <Text className="ow-uploads__files">已上传：{m.files.map((f) => `${f.name}（${fileSizeLabel(f.size)}）`).join('、')}</Text>
          ) : (
            <Text className="ow-materials__notes">尚未上传</Text>
          )}
          {open && m.files.length < maxFiles && (
            <Uploader
              className="ow-uploads__picker"
              upload={send(m.index) as never}
              maxCount={maxFiles - m.files.length}
              mediaType={['image']}
              accept="image/*"
              uploadLabel="上传"
              deletable={false}
              onOverCount={() => toast(`每项材料最多上传${maxFiles}个文件`)}
            />
          )}
        </View>
      ))}
    </View>
  );
}
