import { lazy, Suspense, useEffect } from 'react';
import { BriefingView } from '../briefing/BriefingView';
import { JudgmentsView } from '../evidence/JudgmentsView';
import { MatrixView } from '../evidence/MatrixView';
import { Reader } from '../reader/Reader';
import {
  casesSelectors,
  entitiesSelectors,
  evidenceSelectors,
  importSelectors,
  recoverySelectors,
  uiSelectors,
  useAppStore,
} from '../store';
import { AddDocumentDialog } from './AddDocumentDialog';
import { ClaimList } from './ClaimList';
import { DropZone } from './DropZone';
import { ErrorBoundary } from './ErrorBoundary';
import { EntityPage } from './EntityPage';
import { GradeConflictsDialog } from './GradeConflictsDialog';
import { ImportDialog } from './ImportDialog';
import { ImportStatus } from './ImportStatus';
import { JobProgress } from './JobProgress';
import { useStoreHealth } from './useStoreHealth';
import { MainTabs } from './MainTabs';

// The graph library is large: loaded when the graph is first opened.
const GraphView = lazy(() =>
  import('../evidence/GraphView').then((m) => ({ default: m.GraphView })),
);
import { NewCaseDialog } from './NewCaseDialog';
import { Notices } from './Notices';
import { RecoveryScreen } from './RecoveryScreen';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { TeamDialog } from '../team/TeamDialog';
import { useUndoShortcuts } from './useUndoShortcuts';

/**
 * Asks the backend first whether the store opened: while its files are damaged, only the
 * recovery screen shows; once a backup is restored (or the user starts empty), the app.
 */
export function App() {
  const checkRecovery = useAppStore((s) => s.checkRecovery);
  const checked = useAppStore(recoverySelectors.checked);
  const damaged = useAppStore(recoverySelectors.damaged);

  useEffect(() => {
    void checkRecovery();
  }, [checkRecovery]);

  if (!checked) return null;
  if (damaged) return <RecoveryScreen />;
  return <Workspace />;
}

/** The app itself: cases, documents, claims and the views over them. */
function Workspace() {
  const loadCases = useAppStore((s) => s.loadCases);
  const loaded = useAppStore(casesSelectors.loaded);
  const cases = useAppStore(casesSelectors.cases);
  const dialog = useAppStore(uiSelectors.dialog);
  const profile = useAppStore(entitiesSelectors.profile);
  const pendingImport = useAppStore(importSelectors.pendingImport);
  const openDialog = useAppStore((s) => s.openDialog);
  const view = useAppStore(evidenceSelectors.view);
  useUndoShortcuts();
  useStoreHealth();

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
    ) : view === 'judgments' ? (
      <JudgmentsView />
    ) : view === 'briefing' ? (
      <BriefingView />
    ) : view === 'matrix' ? (
      <MatrixView />
    ) : view === 'graph' ? (
      <Suspense fallback={<main className="reader empty">Loading the graph…</main>}>
        <GraphView />
      </Suspense>
    ) : (
      <Reader />
    );

  return (
    <div className="app">
      <Sidebar />
      <div className="center">
        <MainTabs showing={profile ? null : view} />
        <ErrorBoundary
          key={profile ? 'profile' : view}
          area={profile ? 'this page' : `the ${view} view`}
        >
          {main}
        </ErrorBoundary>
      </div>
      {/* A landmark of its own, so that Undo, Redo and the notices are not outside every one. */}
      <section className="right" aria-label="Claims, undo and notices">
        <Toolbar />
        <Notices />
        <ClaimList />
      </section>
      {dialog === 'newCase' && <NewCaseDialog />}
      {dialog === 'addDocument' && <AddDocumentDialog />}
      {dialog === 'team' && <TeamDialog />}
      {pendingImport && <ImportDialog key={pendingImport.fileName} pending={pendingImport} />}
      <GradeConflictsDialog />
      <ImportStatus />
      <JobProgress />
      <DropZone />
    </div>
  );
}
