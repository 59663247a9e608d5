/** The guide search box with type-ahead suggestions under it. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import type { Suggestion } from '../../services/guides';
import { useSuggestions } from './use-suggestions';

export interface GuideSearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  onSearch: (q: string) => void;
  onPick: (suggestion: Suggestion) => void;
  placeholder?: string;
  /** Test seam and offline use: where suggestions come from. */
  fetchSuggestions?: (q: string) => Promise<Suggestion[]>;
}

export const DEFAULT_PLACEHOLDER = '搜索办事事项，如“开饭店”“上户口”';

export function GuideSearchBox({ value, onChange, onSearch, onPick, placeholder = DEFAULT_PLACEHOLDER, fetchSuggestions }: GuideSearchBoxProps) {
  const [typing, setTyping] = useState(false);
  const suggestions = useSuggestions(value, typing, fetchSuggestions);
  const search = (q: string) => {
    setTyping(false);
    onSearch(q);
  };
  return (
    <View className="ow-search-box">
      <SearchBar
        shape="round"
        value={value}
        placeholder={placeholder}
        onChange={(next: string) => {
          setTyping(true);
          onChange(next);
        }}
        onSearch={search}
        onClear={() => {
          setTyping(false);
          onChange('');
        }}
        right={
          <Text className="ow-search-box__go" onClick={() => search(value)}>
            搜索
          </Text>
        }
      />
      {typing && suggestions.length > 0 && (
        <View className="ow-search-box__suggestions" role="listbox">
          {suggestions.map((s) => (
            <View
              key={s.code}
              className="ow-search-box__suggestion"
              role="option"
              onClick={() => {
                setTyping(false);
                onPick(s);
              }}
            >
              {s.name}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
