import type { EmbeddedMongo } from '../../scripts/mongod/embedded';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __ONEWINDOW_MONGO__?: EmbeddedMongo }).__ONEWINDOW_MONGO__?.stop();
}
