/** Shows which file is being imported, and how far along the batch is. */
import { importSelectors, useAppStore } from '../store';

const STAGES = {
  reading: 'Reading',
  extracting: 'Extracting the text of',
  confirming: 'Waiting for you to confirm',
  saving: 'Saving',
} as const;

export function ImportStatus() {
  const progress = useAppStore(importSelectors.importProgress);
  if (!progress) return null;
  return (
    <div className="import-status" role="status" aria-live="polite">
      <span>
        {STAGES[progress.stage]} {progress.fileName}
        {progress.total > 1 && ` (${progress.index} of ${progress.total})`}
      </span>
      <progress
        max={progress.total}
        value={progress.index - (progress.stage === 'saving' ? 0 : 0.5)}
      />
    </div>
  );
}
