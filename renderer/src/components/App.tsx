import { useEffect } from 'react';
import { casesSelectors, uiSelectors, useAppStore } from '../store';
import { Reader } from '../reader/Reader';
import { AddDocumentDialog } from './AddDocumentDialog';
import { ClaimList } from './ClaimList';
import { NewCaseDialog } from './NewCaseDialog';
import { Notices } from './Notices';
import { Sidebar } from './Sidebar';

export function App() {
  const loadCases = useAppStore((s) => s.loadCases);
  const loaded = useAppStore(casesSelectors.loaded);
  const cases = useAppStore(casesSelectors.cases);
  const dialog = useAppStore(uiSelectors.dialog);
  const openDialog = useAppStore((s) => s.openDialog);

  useEffect(() => {
    void loadCases();
  }, [loadCases]);

  return (
    <div className="app">
      <Sidebar />
      {loaded && cases.length === 0 ? (
        <main className="reader empty" aria-label="Reader">
          <p>No cases yet.</p>
          <button type="button" className="primary" onClick={() => openDialog('newCase')}>
            Create your first case
          </button>
        </main>
      ) : (
        <Reader />
      )}
      <ClaimList />
      {dialog === 'newCase' && <NewCaseDialog />}
      {dialog === 'addDocument' && <AddDocumentDialog />}
      <Notices />
    </div>
  );
}
