/**
 * Open311 arguments. "Optional means the response should be the same whether a parameter is
 * passed and is empty or is not passed at all", so empty values are dropped before checking.
 */
import { z } from 'zod';
import { COMPLAINT_RULES } from '../complaints/rules';

function dropEmpty(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '' && v !== null && v !== undefined));
}

const str = (max: number) => z.string().trim().max(max);

export const RequestBodySchema = z.preprocess(
  dropEmpty,
  z.object({
    api_key: z.string().optional(),
    jurisdiction_id: str(100).optional(),
    service_code: str(64).min(1).meta({ label: 'service_code' }),
    lat: z.coerce.number().min(-90).max(90).meta({ label: 'lat' }).optional(),
    long: z.coerce.number().min(-180).max(180).meta({ label: 'long' }).optional(),
    address_string: str(200).meta({ label: 'address_string' }).optional(),
    address_id: str(100).optional(),
    email: str(200).optional(),
    device_id: str(200).optional(),
    account_id: str(100).optional(),
    first_name: str(20).meta({ label: 'first_name' }).optional(),
    last_name: str(20).meta({ label: 'last_name' }).optional(),
    phone: str(20).meta({ label: 'phone' }).optional(),
    description: str(COMPLAINT_RULES.contentMaxLength).meta({ label: 'description' }).optional(),
    media_url: z.url({ protocol: /^https?$/, error: 'media_url 应为 http(s) 地址' }).max(500).meta({ label: 'media_url' }).optional(),
    attribute: z.record(z.string().max(40), z.union([str(200), z.array(str(200)).max(20)])).optional(),
  }),
);
export type RequestBody = z.output<typeof RequestBodySchema>;

export const RequestQuerySchema = z.preprocess(
  dropEmpty,
  z.object({
    api_key: z.string().optional(),
    jurisdiction_id: str(100).optional(),
    service_request_id: str(2000).optional(),
    service_code: str(1000).optional(),
    start_date: str(40).optional(),
    end_date: str(40).optional(),
    status: str(20).optional(),
    /** Extensions many GeoReport servers offer for paging through the 1,000-row limit. */
    page: z.coerce.number().int().min(1).max(1000).meta({ label: 'page' }).optional(),
    page_size: z.coerce.number().int().min(1).max(1000).meta({ label: 'page_size' }).optional(),
  }),
);
export type RequestQuery = z.output<typeof RequestQuerySchema>;

export const KeyQuerySchema = z.preprocess(dropEmpty, z.object({ api_key: z.string().optional(), jurisdiction_id: str(100).optional() }));
