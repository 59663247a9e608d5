/**
 * Picks a date among the bookable ones, then a time slot with free seats. Full and unavailable
 * slots stay visible (with why) so the resident understands the day, but cannot be chosen.
 */
import { ScrollView, Text, View } from '@tarojs/components';
import type { Slot } from '../../services/bookings';
import { dateLabel } from '../../utils/format';
import { relativeDayName, slotNote, slotState, splitByHalfDay, windowsOf } from './slots';

export interface SlotPickerProps {
  dates: string[];
  date: string | null;
  onDateChange: (date: string) => void;
  slots: Slot[];
  /** The chosen slot's id. */
  value?: string;
  onChange: (slot: Slot) => void;
  /** China-time date of today (YYYY-MM-DD), to say 今天 / 明天. */
  today?: string;
}

function SlotButton({ slot, selected, showWindow, onPick }: { slot: Slot; selected: boolean; showWindow: boolean; onPick: (slot: Slot) => void }) {
  const state = slotState(slot);
  const pick = () => {
    if (state === 'available') onPick(slot);
  };
  return (
    <View
      className={`ow-slot ow-slot--${state} ${selected ? 'is-selected' : ''}`}
      onClick={pick}
      aria-disabled={state !== 'available'}
      aria-selected={selected}
      data-slot-id={slot.id}
    >
      <Text className="ow-slot__time">{slot.time}</Text>
      {showWindow && <Text className="ow-slot__window">{slot.window.name}</Text>}
      <Text className="ow-slot__note">{slotNote(slot)}</Text>
    </View>
  );
}

export function SlotPicker({ dates, date, onDateChange, slots, value, onChange, today }: SlotPickerProps) {
  const showWindow = windowsOf(slots).length > 1;
  const halves = splitByHalfDay(slots);
  const anyAvailable = slots.some((s) => slotState(s) === 'available');
  return (
    <View className="ow-slot-picker">
      <ScrollView scrollX className="ow-slot-picker__dates">
        {dates.map((d) => {
          const [md, weekday] = dateLabel(d).split(' ');
          return (
            <View key={d} className={`ow-date ${d === date ? 'is-selected' : ''}`} onClick={() => onDateChange(d)} aria-selected={d === date} data-date={d}>
              <Text className="ow-date__weekday">{relativeDayName(d, today) ?? weekday}</Text>
              <Text className="ow-date__day">{md}</Text>
            </View>
          );
        })}
      </ScrollView>
      {dates.length === 0 && <View className="ow-slot-picker__empty">近期没有可预约的日期</View>}
      {date && slots.length === 0 && dates.length > 0 && <View className="ow-slot-picker__empty">当天不办公，请选择其他日期</View>}
      {slots.length > 0 && !anyAvailable && <View className="ow-slot-picker__empty">当天已约满，请选择其他日期</View>}
      {(['morning', 'afternoon'] as const).map((half) =>
        halves[half].length === 0 ? null : (
          <View key={half} className="ow-slot-picker__half">
            <Text className="ow-slot-picker__half-title">{half === 'morning' ? '上午' : '下午'}</Text>
            <View className="ow-slot-picker__grid">
              {halves[half].map((slot) => (
                <SlotButton key={slot.id} slot={slot} selected={slot.id === value} showWindow={showWindow} onPick={onChange} />
              ))}
            </View>
          </View>
        ),
      )}
    </View>
  );
}
