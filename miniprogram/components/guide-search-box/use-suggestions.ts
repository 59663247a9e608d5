/**
 * Type-ahead for the guide search: asks the gateway after a short pause in typing, and drops
 * answers that arrive for an older input.
 */
import { useEffect, useRef, useState } from 'react';
import { suggestGuides, type Suggestion } from '../../services/guides';

export const SUGGEST_DELAY_MS = 250;

export function useSuggestions(input: string, enabled: boolean, fetch: (q: string) => Promise<Suggestion[]> = suggestGuides): Suggestion[] {
  const [items, setItems] = useState<Suggestion[]>([]);
  const latest = useRef('');
  useEffect(() => {
    const q = input.trim();
    latest.current = q;
    if (!enabled || q === '') {
      setItems([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      fetch(q)
        .then((found) => {
          if (latest.current === q) setItems(found);
        })
        .catch(() => {
          if (latest.current === q) setItems([]); // type-ahead is a help; a failure stays silent
        });
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, enabled, fetch]);
  return items;
}
