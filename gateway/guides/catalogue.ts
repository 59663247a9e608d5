/**
 * The published catalogue in memory: the search index plus each guide's summary, so a search
 * never touches the database. Every gateway instance rebuilds it when guides change — from a
 * MongoDB change stream, with a periodic version check as a fallback (and for deployments whose
 * database offers no change streams).
 */
import type { ChangeStream } from 'mongodb';
import { GuideModel, type Guide } from '../../models/guide';
import { ServicePointModel, type ServicePoint } from '../../models/service-point';
import { presentServicePoint } from '../service-points/presenter';
import { logger } from '../logger';
import { AnswerCache } from './answer-cache';
import { GuideSearchIndex, type SearchableGuide } from './search';
import { presentGuideSummary, type GuideSummary } from './presenter';

/** How many serialized answers each catalogue build keeps (a search answer is 1-4 KB). */
const SEARCH_ANSWERS = 2000;
const DETAIL_ANSWERS = 1000;

export interface Catalogue {
  index: GuideSearchIndex;
  summaries: Map<string, GuideSummary>;
  /** Published guides in full, and the active service points, for the detail page. */
  guides: Map<string, Guide>;
  points: Map<string, ReturnType<typeof presentServicePoint>>;
  /** The active service points as stored (windows with their counters), for slot listings. */
  storedPoints: Map<string, ServicePoint>;
  /** Fingerprint of what was loaded: newest update time and count. */
  stamp: string;
  /** Answers computed from this build only (see answer-cache.ts). */
  answers: { search: AnswerCache; detail: AnswerCache };
}

let current: Catalogue | undefined;
let loading: Promise<Catalogue> | undefined;
/** Loads are numbered as they start; an older load finishing last must not replace a newer one. */
let loadsStarted = 0;
let installedLoad = 0;

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
    storedPoints: new Map(points.map((p) => [p.code, p])),
    stamp,
    answers: { search: new AnswerCache(SEARCH_ANSWERS), detail: new AnswerCache(DETAIL_ANSWERS) },
  };
}

/** Loads and installs a catalogue, unless a load started later has already been installed. */
async function install(): Promise<Catalogue> {
  const number = ++loadsStarted;
  const next = await load();
  // The older load may have read the guides before a change the newer one saw.
  if (number > installedLoad) {
    current = next;
    installedLoad = number;
  }
  return current!;
}

/** The catalogue, loaded on first use. */
export async function catalogue(): Promise<Catalogue> {
  if (current) return current;
  loading ??= install().finally(() => (loading = undefined));
  return loading;
}

/** The catalogue installed right now, without waiting: a cached answer is looked up and sent in one go. */
export function loadedCatalogue(): Catalogue | undefined {
  return current;
}

/** Rebuilds now (after a change made by this instance, or one seen on the change stream). */
export async function reloadCatalogue(): Promise<void> {
  await install();
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
