/**
 * Mapping a stored guide (models/guide.ts, or anything shaped like it) to what the search index
 * needs. Structural, so the search engine does not depend on Mongoose.
 */
import type { SearchableGuide } from './types';

export interface GuideLike {
  code: string;
  name: string;
  type: string;
  window: string;
  department: string;
  keywords?: readonly string[] | null;
  lifeEvents?: readonly string[] | null;
  online?: boolean | null;
  bookable?: boolean | null;
  handledAt?: readonly { point?: string | null }[] | null;
  materials?: readonly { name: string }[] | null;
}

export function toSearchableGuide(g: GuideLike): SearchableGuide {
  return {
    code: g.code,
    name: g.name,
    keywords: [...(g.keywords ?? [])],
    lifeEvents: [...(g.lifeEvents ?? [])],
    department: g.department,
    type: g.type,
    window: g.window,
    online: g.online ?? false,
    bookable: g.bookable ?? true,
    points: (g.handledAt ?? []).map((h) => h.point ?? '').filter(Boolean),
    materials: (g.materials ?? []).map((m) => m.name),
  };
}
