/**
 * Public shapes of the guide search engine. The engine is pure and in-memory: it knows nothing
 * about MongoDB or Koa; callers map their guides to `SearchableGuide` (see `searchable.ts`).
 */

/** What the search engine needs to know about one service guide. */
export interface SearchableGuide {
  code: string;
  name: string;
  keywords: string[];
  lifeEvents: string[];
  department: string;
  type: string;
  window: string;
  online: boolean;
  bookable: boolean;
  /** Service point codes from `handledAt`. */
  points: string[];
  /** Material names (low weight). */
  materials?: string[];
}

export interface SearchFilters {
  window?: string;
  lifeEvent?: string;
  point?: string;
  online?: boolean;
  bookable?: boolean;
}

export interface SearchOptions {
  filters?: SearchFilters;
  /** Default 0. */
  offset?: number;
  /** Default 20. */
  limit?: number;
}

export interface SearchHit {
  code: string;
  score: number;
}

export interface SearchResult {
  items: SearchHit[];
  /** Number of matching guides before pagination. */
  total: number;
}

export interface Suggestion {
  code: string;
  name: string;
}

/** One entry of the colloquial phrase dictionary: what residents say, and what it means. */
export interface SynonymPhrase {
  say: string[];
  /** Official names (or parts of names/keywords) of the guides meant. */
  means: string[];
}

/** `gateway/guides/data/synonyms.json`. */
export interface SynonymDictionary {
  phrases: SynonymPhrase[];
  /** Question words and filler removed from queries (and from indexed text). */
  stopwords: string[];
}
