/** Tags as chips: type and press Enter or comma to add, Backspace on empty to remove the last. */
import { useState } from 'react';

interface Props {
  tags: string[];
  onChange: (tags: string[]) => void;
  suggestions?: readonly string[];
}

export function TagInput({ tags, onChange, suggestions = [] }: Props) {
  const [value, setValue] = useState('');
  const add = () => {
    const tag = value.trim().replace(/,$/, '').trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setValue('');
  };
  return (
    <div className="chips-input">
      {tags.map((tag) => (
        <span key={tag} className="chip">
          {tag}
          <button
            type="button"
            aria-label={`Remove tag ${tag}`}
            onClick={() => onChange(tags.filter((t) => t !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        aria-label="Tags"
        list="claimdesk-tag-suggestions"
        value={value}
        placeholder={tags.length === 0 ? 'Add tags' : ''}
        onChange={(e) => setValue(e.target.value)}
        onBlur={add}
        onKeyDown={(e) => {
          if ((e.key === 'Enter' || e.key === ',') && value.trim()) {
            e.preventDefault();
            e.stopPropagation();
            add();
          } else if (e.key === 'Backspace' && !value && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
      />
      <datalist id="claimdesk-tag-suggestions">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
