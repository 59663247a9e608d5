/** A QR code drawn with views from its payload, with the code itself in large type underneath. */
import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { qrMatrix, runBox } from './qr-matrix';

export interface QrCodeProps {
  /** What the code encodes, e.g. OW-BOOKING:<code>. */
  value: string;
  /** Shown large under the QR, for reading aloud at the window. */
  caption?: string;
  /** Dims the code (a cancelled booking). */
  inactive?: boolean;
}

export function QrCode({ value, caption, inactive }: QrCodeProps) {
  const matrix = useMemo(() => {
    try {
      return qrMatrix(value);
    } catch {
      return undefined;
    }
  }, [value]);
  return (
    <View className={`ow-qr ${inactive ? 'is-inactive' : ''}`} data-qr-payload={value}>
      {matrix ? (
        <View className="ow-qr__frame" aria-label={`二维码：${caption ?? value}`} role="img">
          <View className="ow-qr__modules">
            {matrix.rows.flatMap((runs, row) =>
              runs.map((run) => {
                const box = runBox(matrix.size, row, run);
                return <View key={`${row}-${run.start}`} className="ow-qr__run" style={{ top: box.top, left: box.left, width: box.width, height: box.height }} />;
              }),
            )}
          </View>
        </View>
      ) : (
        <View className="ow-qr__fallback">二维码生成失败，请向窗口出示预约码</View>
      )}
      {caption && <Text className="ow-qr__caption">{caption}</Text>}
    </View>
  );
}
