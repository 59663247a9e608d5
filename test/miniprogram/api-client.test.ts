/**
 * The mini-program's API client: base URL per platform, bearer token, and the gateway's error
 * shape turned into ApiError. Taro itself is replaced by a fake; the built apps are covered by the
 * weapp and H5 tests.
 */
import Taro from '@tarojs/taro';
import { ApiError, TOKEN_STORAGE_KEY, api } from '../../miniprogram/services/api';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn(), getStorageSync: jest.fn() } }));

const request = Taro.request as unknown as jest.Mock;
const getStorageSync = Taro.getStorageSync as unknown as jest.Mock;
const originalEnv = { ...process.env };

beforeEach(() => {
  request.mockReset();
  getStorageSync.mockReset().mockReturnValue('');
  process.env = { ...originalEnv, TARO_ENV: 'weapp', TARO_APP_API_BASE: 'https://gov.example.cn/' };
});

afterAll(() => {
  process.env = originalEnv;
});

test('the weapp calls the absolute https origin; H5 stays same-origin', async () => {
  request.mockResolvedValue({ statusCode: 200, data: { ok: true } });
  await expect(api.get('/api/v1/guides', { q: '开饭店', page: 2, skip: undefined })).resolves.toEqual({ ok: true });
  expect(request.mock.calls[0][0]).toMatchObject({
    url: 'https://gov.example.cn/api/v1/guides?q=%E5%BC%80%E9%A5%AD%E5%BA%97&page=2',
    method: 'GET',
  });

  process.env.TARO_ENV = 'h5';
  await api.get('/api/v1/meta');
  expect(request.mock.calls[1][0].url).toBe('/api/v1/meta');
});

test('sends JSON with the stored bearer token', async () => {
  getStorageSync.mockImplementation((key: string) => (key === TOKEN_STORAGE_KEY ? 'tok-123' : ''));
  request.mockResolvedValue({ statusCode: 201, data: { id: 'b1' } });
  await api.post('/api/v1/bookings', { slotId: 's1' });
  expect(request.mock.calls[0][0]).toMatchObject({
    method: 'POST',
    data: { slotId: 's1' },
    header: { Authorization: 'Bearer tok-123', 'Content-Type': 'application/json' },
  });
});

test("turns the gateway's error shape into an ApiError with code, message and status", async () => {
  request.mockResolvedValue({
    statusCode: 409,
    data: { error: { code: 'booking.slot_full', message: '该时段已约满', details: { slotId: 's1' } } },
  });
  const error = await api.post('/api/v1/bookings', {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ code: 'booking.slot_full', message: '该时段已约满', status: 409, details: { slotId: 's1' } });
});

test('a network failure becomes network.unreachable with a message a resident can read', async () => {
  request.mockRejectedValue({ errMsg: 'request:fail timeout' });
  await expect(api.get('/api/v1/meta')).rejects.toMatchObject({
    code: 'network.unreachable',
    message: '网络连接失败，请稍后重试',
    status: 0,
  });
});

test('a response without the error shape still becomes an ApiError', async () => {
  request.mockResolvedValue({ statusCode: 502, data: null });
  await expect(api.get('/api/v1/meta')).rejects.toMatchObject({ code: 'http.unexpected_response', status: 502 });
});
