/** How the store is doing, as app:info reports it: still loading, texts missing, restored. */
import type { MissingText, StoreHealth } from '../../shared/contract/channels';
import type { Store } from './store/store';

export function healthOf(store: Store): StoreHealth {
  const missingTexts: MissingText[] = [];
  if (store.texts.missing.size > 0) {
    for (const d of store.records.documents.values()) {
      if (!store.texts.missing.has(d.contentHash)) continue;
      missingTexts.push({
        documentId: d.id,
        caseId: d.caseId,
        title: d.title,
        fileName: d.fileName,
        contentHash: d.contentHash,
      });
    }
  }
  return {
    loading: store.loading && { ...store.loading },
    missingTexts,
    textsRecovered: store.textsRecovered,
    recovered: store.report.recovered,
  };
}
