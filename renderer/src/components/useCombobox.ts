/**
 * The keyboard and ARIA behaviour of a type-ahead (WAI-ARIA combobox with a listbox), shared
 * by the people and claim pickers: arrows move, Enter takes the highlighted option (or the
 * best match when none is), Escape closes, a click picks before the input's blur closes.
 */
import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';

interface Options {
  label: string;
  /** Enter with an empty query does nothing (lets the form submit) when true. */
  enterNeedsQuery?: boolean;
}

export function useCombobox({ label, enterNeedsQuery = false }: Options) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // -1: nothing highlighted yet; Enter then takes the best match.
  const [active, setActive] = useState(-1);

  const reset = () => {
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const inputProps = (count: number, choose: (index: number) => void) => ({
    role: 'combobox' as const,
    'aria-label': label,
    'aria-expanded': open && count > 0,
    'aria-controls': listId,
    'aria-autocomplete': 'list' as const,
    'aria-activedescendant': open && active >= 0 ? `${listId}-${active}` : undefined,
    value: query,
    onChange: (e: { target: { value: string } }) => {
      setQuery(e.target.value);
      setOpen(true);
      setActive(-1);
    },
    onFocus: () => setOpen(true),
    onBlur: () => setOpen(false),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        setOpen(true);
        setActive((i) => Math.min(i + 1, count - 1));
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
      } else if (e.key === 'Enter' && open && count > 0 && (!enterNeedsQuery || query.trim())) {
        e.preventDefault();
        e.stopPropagation();
        choose(Math.max(active, 0));
      } else if (e.key === 'Escape' && open) {
        e.stopPropagation();
        setOpen(false);
      }
    },
  });

  const listProps = { role: 'listbox' as const, id: listId, 'aria-label': `${label} suggestions` };

  const optionProps = (index: number, choose: (index: number) => void) => ({
    id: `${listId}-${index}`,
    role: 'option' as const,
    'aria-selected': index === active,
    className: index === active ? 'active' : undefined,
    onMouseDown: (e: MouseEvent) => {
      e.preventDefault();
      choose(index);
    },
  });

  return { query, open, reset, inputProps, listProps, optionProps };
}
