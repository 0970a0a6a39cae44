import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { IndustrySuggestion } from '../api/types';
import { useDebounceMs } from '../info';
import { useIndustrySuggestions } from './useIndustrySuggestions';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Called when a suggestion is picked; the input already holds its title. */
  onPick?: (item: IndustrySuggestion) => void;
  /** Keeps only some suggestions (e.g. SSIC sections for the candidates filter). */
  filter?: (item: IndustrySuggestion) => boolean;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  labelHidden?: boolean;
}

const LEVELS: Record<string, string> = { section: 'Section', division: 'Division', group: 'Group', class: 'Class', code: 'Code' };

/** A text input with SSIC suggestions (ARIA combobox with a listbox popup). */
export function IndustryInput({ id, label, value, onChange, onPick, filter, placeholder, disabled, className, labelHidden }: Props) {
  const debounceMs = useDebounceMs();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // A picked suggestion fills the input; that value is not something to suggest for again.
  const picked = useRef<string | null>(null);
  const wantSuggestions = open && picked.current !== value;
  const { items: raw, loading } = useIndustrySuggestions(value, debounceMs, wantSuggestions);
  const items = useMemo(() => (filter ? raw.filter(filter) : raw), [raw, filter]);
  const expanded = wantSuggestions && items.length > 0;

  const pick = (item: IndustrySuggestion) => {
    picked.current = item.title;
    onChange(item.title);
    setActive(-1);
    setOpen(false);
    onPick?.(item);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === 'Enter' && expanded && active >= 0 && items[active]) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className={`combo ${className ?? ''}`}>
      <label htmlFor={id} className={labelHidden ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-busy={loading || undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(e) => {
          picked.current = null;
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="combo-list" hidden={!expanded}>
        {items.map((item, i) => (
          <li
            key={`${item.level}-${item.code}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // mousedown keeps focus in the input (blur would close the list before the click lands).
            onMouseDown={(e) => {
              e.preventDefault();
              pick(item);
            }}
          >
            <span className="combo-title">{item.title}</span>
            <span className="combo-meta">
              {LEVELS[item.level] ?? item.level} {item.code}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
