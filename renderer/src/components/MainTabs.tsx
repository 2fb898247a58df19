/** Switches the main area between the reader and the views that weigh the evidence. */
import { evidenceSelectors, useAppStore } from '../store';
import type { MainView } from '../store/evidenceSlice';

const TABS: { view: MainView; label: string }[] = [
  { view: 'reader', label: 'Reader' },
  { view: 'judgments', label: 'Key judgments' },
  { view: 'matrix', label: 'Matrix' },
  { view: 'graph', label: 'Evidence graph' },
  { view: 'briefing', label: 'Briefing' },
];

export function MainTabs({ showing }: { showing: MainView | null }) {
  const setView = useAppStore((s) => s.setView);
  const judgments = useAppStore(evidenceSelectors.judgments);
  return (
    // In a navigation landmark: the tabs switch what the main area shows.
    <nav className="main-tabs-nav" aria-label="Views">
      <div className="main-tabs" role="tablist" aria-label="Views">
        {TABS.map((t) => (
          <button
            key={t.view}
            type="button"
            role="tab"
            aria-selected={showing === t.view}
            className={showing === t.view ? 'active' : undefined}
            onClick={() => setView(t.view)}
          >
            {t.label}
            {t.view === 'judgments' && judgments.length > 0 && (
              <span className="count">{judgments.length}</span>
            )}
          </button>
        ))}
      </div>
    </nav>
  );
}
