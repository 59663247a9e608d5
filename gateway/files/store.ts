/**
 * Uploaded files (application materials, complaint photos) in MongoDB GridFS. The type is decided
 * from the file's first bytes, never from its name or the client's word, and the size is bounded.
 */
import { Readable } from 'node:stream';
import mongoose from 'mongoose';
import { UPLOADS_BUCKET } from '../../models/registry';
import { badRequest, notFound } from '../errors';

export const FILE_TYPES = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  webp: { mime: 'image/webp', ext: 'webp', magic: [0x52, 0x49, 0x46, 0x46] },
  pdf: { mime: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
} as const;

export type FileKind = keyof typeof FILE_TYPES;

export function sniffType(head: Buffer): FileKind | undefined {
  for (const [kind, t] of Object.entries(FILE_TYPES) as Array<[FileKind, (typeof FILE_TYPES)[FileKind]]>) {
    if (t.magic.every((b, i) => head[i] === b)) {
      if (kind === 'webp' && head.subarray(8, 12).toString('latin1') !== 'WEBP') continue;
      return kind;
    }
  }
  return undefined;
}

const KIND_NAMES: Record<FileKind, string> = { jpeg: 'JPG', png: 'PNG', webp: 'WEBP', pdf: 'PDF' };

function bucket() {
  return new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: UPLOADS_BUCKET });
}

export interface StoredFile {
  id: string;
  name: string;
  kind: FileKind;
  mime: string;
  size: number;
}

/** Checks and stores one file; `allowed` kinds and `maxBytes` come from the caller's rules. */
export async function storeFile(input: { data: Buffer; name: string; owner: { type: string; id: string }; allowed: FileKind[]; maxBytes: number }): Promise<StoredFile> {
  const allowedNames = input.allowed.map((k) => KIND_NAMES[k]).join('、');
  if (input.data.length === 0) throw badRequest('file.empty', '上传的文件是空的');
  if (input.data.length > input.maxBytes) {
    throw badRequest('file.too_large', `文件“${input.name}”超过 ${Math.floor(input.maxBytes / 1024 / 1024)}MB，请压缩后再上传`);
  }
  const kind = sniffType(input.data.subarray(0, 16));
  if (!kind || !input.allowed.includes(kind)) throw badRequest('file.type_not_allowed', `文件“${input.name}”格式不支持，请上传 ${allowedNames} 格式`);
  const safeName = input.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 100) || `file.${FILE_TYPES[kind].ext}`;
  const upload = bucket().openUploadStream(safeName, { metadata: { kind, mime: FILE_TYPES[kind].mime, owner: input.owner } });
  await new Promise<void>((resolve, reject) => Readable.from(input.data).pipe(upload).on('finish', () => resolve()).on('error', reject));
  return { id: String(upload.id), name: safeName, kind, mime: FILE_TYPES[kind].mime, size: input.data.length };
}

/** Opens a stored file for download; the caller has already checked the reader may see it. */
export async function openFile(id: string): Promise<{ stream: NodeJS.ReadableStream; mime: string; name: string; size: number; owner: { type: string; id: string } }> {
  if (!mongoose.isValidObjectId(id)) throw notFound('file.not_found', '文件不存在');
  const _id = new mongoose.Types.ObjectId(id);
  const [file] = await bucket().find({ _id }).limit(1).toArray();
  if (!file) throw notFound('file.not_found', '文件不存在');
  return { stream: bucket().openDownloadStream(_id), mime: file.metadata?.mime ?? 'application/octet-stream', name: file.filename, size: file.length, owner: file.metadata?.owner };
}

export async function deleteFile(id: string): Promise<void> {
  if (mongoose.isValidObjectId(id)) await bucket().delete(new mongoose.Types.ObjectId(id)).catch(() => undefined);
}
