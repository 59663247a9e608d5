import mongoose from 'mongoose';
import { startTestGateway, type TestGateway } from '../support/gateway';

describe('GET /healthz', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ label: 'health' });
  });
  afterAll(() => gw.stop());

  it('is 200 with db ok while MongoDB answers', async () => {
    const res = await gw.request('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('is 503 with Retry-After when the database is unreachable', async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    const res = await gw.request('GET', '/healthz');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toEqual({ status: 'degraded', db: 'unreachable' });
  });
});
