/**
 * The published catalogue in memory: the search index plus each guide's summary, so a search
 * never touches the database. Every gateway instance rebuilds it when guides change — from a
 * MongoDB change stream, with a periodic version check as a fallback (and for deployments whose
 * database offers no change streams).
 */
import type { ChangeStream } from 'mongodb';
import { GuideModel, type Guide } from '../../models/guide';
import { ServicePointModel } from '../../models/service-point';
import { presentServicePoint } from '../service-points/presenter';
import { logger } from '../logger';
import { GuideSearchIndex, type SearchableGuide } from './search';
import { presentGuideSummary, type GuideSummary } from './presenter';

interface Catalogue {
  index: GuideSearchIndex;
  summaries: Map<string, GuideSummary>;
  /** Published guides in full, and the active service points, for the detail page. */
  guides: Map<string, Guide>;
  points: Map<string, ReturnType<typeof presentServicePoint>>;
  /** Fingerprint of what was loaded: newest update time and count. */
  stamp: string;
}

let current: Catalogue | undefined;
let loading: Promise<Catalogue> | undefined;

export function toSearchable(g: Guide): SearchableGuide {
  return {
    code: g.code,
    name: g.name,
    keywords: g.keywords,
    lifeEvents: g.lifeEvents,
    department: g.department,
    type: g.type,
    window: g.window,
    online: g.online,
    bookable: g.bookable,
    points: g.handledAt.map((h) => h.point!).filter(Boolean),
    materials: g.materials.map((m) => m.name),
  };
}

async function catalogueStamp(): Promise<string> {
  const [newest, count, newestPoint, points] = await Promise.all([
    GuideModel.findOne({}, { updatedAt: 1 }).sort({ updatedAt: -1 }).lean(),
    GuideModel.estimatedDocumentCount(),
    ServicePointModel.findOne({}, { updatedAt: 1 }).sort({ updatedAt: -1 }).lean(),
    ServicePointModel.estimatedDocumentCount(),
  ]);
  return `${newest?.updatedAt?.getTime() ?? 0}:${count}:${newestPoint?.updatedAt?.getTime() ?? 0}:${points}`;
}

async function load(): Promise<Catalogue> {
  const stamp = await catalogueStamp();
  const [guides, points] = await Promise.all([GuideModel.find({ status: 'published' }).lean(), ServicePointModel.find({ active: true }).lean()]);
  const index = GuideSearchIndex.build(guides.map(toSearchable));
  const summaries = new Map(guides.map((g) => [g.code, presentGuideSummary(g)]));
  return {
    index,
    summaries,
    guides: new Map(guides.map((g) => [g.code, g])),
    points: new Map(points.map((p) => [p.code, presentServicePoint(p)])),
    stamp,
  };
}

/** The catalogue, loaded on first use. */
export async function catalogue(): Promise<Catalogue> {
  if (current) return current;
  loading ??= load().then((c) => (current = c)).finally(() => (loading = undefined));
  return loading;
}

/** Rebuilds now (after a change made by this instance, or one seen on the change stream). */
export async function reloadCatalogue(): Promise<void> {
  const next = await load();
  current = next;
}

export interface CatalogueWatch {
  stop(): Promise<void>;
}

/** Keeps this instance's catalogue fresh while the gateway runs. */
export function watchCatalogue(pollMs = 15_000): CatalogueWatch {
  let stream: ChangeStream | undefined;
  let debounce: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void reloadCatalogue().catch((err) => logger().warn({ err }, 'guide catalogue reload failed')), 200);
  };
  try {
    stream = GuideModel.watch([], { fullDocument: 'default' }) as unknown as ChangeStream;
    stream.on('change', schedule);
    stream.on('error', (err) => {
      logger().warn({ err: (err as Error).message }, 'guide change stream closed; relying on polling');
      stream = undefined;
    });
  } catch {
    stream = undefined;
  }
  const poll = setInterval(() => {
    void catalogueStamp()
      .then((stamp) => {
        if (current && stamp !== current.stamp) schedule();
      })
      .catch(() => undefined);
  }, pollMs);
  poll.unref();
  return {
    async stop() {
      clearInterval(poll);
      clearTimeout(debounce);
      await stream?.close().catch(() => undefined);
    },
  };
}
