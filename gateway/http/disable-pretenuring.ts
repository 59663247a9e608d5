/**
 * Turns off V8's allocation-site pretenuring in the gateway process, before its modules load.
 *
 * While the gateway starts (hundreds of modules, mongoose models, the pinyin and word-segmentation
 * dictionaries, demo data, the guide catalogue), V8 sees every object from some allocation sites
 * survive and decides to allocate those sites' objects straight in the old generation from then
 * on. Some of these sites are generic (listener tables, stream state, tick objects) and are hit again
 * by every HTTP request: a finished request's objects in the old generation still point at its
 * young ones, so every scavenge keeps and promotes the garbage of recent requests. Measured under
 * the guide-search load: about 2.5 MB promoted per scavenge, 6-10 ms scavenge pauses, some 12 µs
 * of GC per request; without pretenuring, 30 KB survive a scavenge and it takes under 1 ms. V8
 * only revisits such a decision when nearly all of the old generation turns out dead, which never
 * happens with the gateway's large long-lived heap (search index, dictionaries).
 *
 * The flag belongs on the command line (`node --no-allocation-site-pretenuring`); setting it here
 * covers every way the gateway is started (npm start, tests, the benchmark). It only switches off a
 * heuristic that decides where new objects are allocated.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
