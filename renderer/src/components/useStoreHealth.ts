/**
 * Says once, at start, what the backend found wrong or put right when it opened the store
 * (issue 10): document texts missing from the data folder (by name, with what to do), texts
 * put back from the backups, and what a restore brought back.
 */
import { useEffect } from 'react';
import { useAppStore } from '../store';

export function useStoreHealth(): void {
  const notify = useAppStore((s) => s.notify);
  const storeHealth = useAppStore((s) => s.storeHealth);
  useEffect(() => {
    void storeHealth().then((health) => {
      if (!health) return;
      const { missingTexts, textsRecovered, recovered } = health;
      if (recovered) {
        notify(
          recovered.skipped > 0 || recovered.unreadable > 0 || recovered.gap ? 'warning' : 'info',
          `Restored the backup ${recovered.backup}: ${recovered.replayed} later edit(s) replayed from the journal` +
            (recovered.skipped > 0
              ? `, ${recovered.skipped} could not be applied on top of it`
              : '') +
            (recovered.unreadable > 0
              ? `, ${recovered.unreadable} journal line(s) were unreadable`
              : '') +
            (recovered.gap
              ? '; edits made between the backup and the journal could not be recovered'
              : '') +
            `. The damaged files are in ${recovered.movedAside}.`,
        );
      }
      if (textsRecovered > 0) {
        notify(
          'info',
          `${textsRecovered} document text(s) were missing and have been put back from the backups.`,
        );
      }
      if (missingTexts.length > 0) {
        const names = missingTexts.map(
          (m) => `“${m.title}”${m.fileName ? ` (${m.fileName})` : ''}`,
        );
        notify(
          'error',
          `The text of ${names.join(', ')} is missing from the data folder and no backup holds it. ` +
            'Import the original file again into its case to put it back; its claims are kept.',
        );
      }
    });
  }, [notify, storeHealth]);
}
