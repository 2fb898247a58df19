import { useEffect } from 'react';
import { Reader } from '../reader/Reader';
import {
  casesSelectors,
  entitiesSelectors,
  importSelectors,
  uiSelectors,
  useAppStore,
} from '../store';
import { AddDocumentDialog } from './AddDocumentDialog';
import { ClaimList } from './ClaimList';
import { DropZone } from './DropZone';
import { EntityPage } from './EntityPage';
import { ImportDialog } from './ImportDialog';
import { ImportStatus } from './ImportStatus';
import { NewCaseDialog } from './NewCaseDialog';
import { Notices } from './Notices';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { useUndoShortcuts } from './useUndoShortcuts';

export function App() {
  const loadCases = useAppStore((s) => s.loadCases);
  const loaded = useAppStore(casesSelectors.loaded);
  const cases = useAppStore(casesSelectors.cases);
  const dialog = useAppStore(uiSelectors.dialog);
  const profile = useAppStore(entitiesSelectors.profile);
  const pendingImport = useAppStore(importSelectors.pendingImport);
  const openDialog = useAppStore((s) => s.openDialog);
  useUndoShortcuts();

  useEffect(() => {
    void loadCases();
  }, [loadCases]);

  const main =
    loaded && cases.length === 0 ? (
      <main className="reader empty" aria-label="Reader">
        <p>No cases yet.</p>
        <button type="button" className="primary" onClick={() => openDialog('newCase')}>
          Create your first case
        </button>
      </main>
    ) : profile ? (
      <EntityPage key={profile.entity.id} profile={profile} />
    ) : (
      <Reader />
    );

  return (
    <div className="app">
      <Sidebar />
      {main}
      <div className="right">
        <Toolbar />
        <ClaimList />
      </div>
      {dialog === 'newCase' && <NewCaseDialog />}
      {dialog === 'addDocument' && <AddDocumentDialog />}
      {pendingImport && <ImportDialog key={pendingImport.fileName} pending={pendingImport} />}
      <ImportStatus />
      <DropZone />
      <Notices />
    </div>
  );
}
