/**
 * After a case import (issue 11): the people and outlets the file grades differently from
 * this store, each with a choice between this store's grade (the default, what the import
 * kept) and the file's. Closing the dialog keeps this store's grades, and says so.
 */
import { useState } from 'react';
import type { GradeChoice, GradeConflict } from '../../../shared/exchange/gradeConflicts';
import { reliabilityInfo, type Reliability } from '../../../shared/grading/scales';
import { jobsSelectors, useAppStore } from '../store';
import { Modal } from './Modal';

const grade = (code: Reliability) => `${code}: ${reliabilityInfo(code).label.toLowerCase()}`;

function ConflictChoice({
  conflict,
  choice,
  onChoose,
}: {
  conflict: GradeConflict;
  choice: GradeChoice;
  onChoose: (choice: GradeChoice) => void;
}) {
  const name = `grade-${conflict.importedId}`;
  return (
    <fieldset className="grade-conflict">
      <legend>{conflict.name}</legend>
      <label className="inline">
        <input
          type="radio"
          name={name}
          checked={choice === 'ours'}
          onChange={() => onChoose('ours')}
        />
        Keep mine ({grade(conflict.ours)})
      </label>
      <label className="inline">
        <input
          type="radio"
          name={name}
          checked={choice === 'theirs'}
          onChange={() => onChoose('theirs')}
        />
        Take the imported grade ({grade(conflict.theirs)})
      </label>
    </fieldset>
  );
}

export function GradeConflictsDialog() {
  const pending = useAppStore(jobsSelectors.gradeConflicts);
  const resolve = useAppStore((s) => s.resolveGradeConflicts);
  const [choices, setChoices] = useState<Record<string, GradeChoice>>({});
  if (!pending) return null;
  const { conflicts, fileName } = pending;
  return (
    <Modal title="Grades that differ" onClose={() => void resolve({})}>
      <p>
        {fileName} grades{' '}
        {conflicts.length === 1 ? 'one person or outlet' : `${conflicts.length} people or outlets`}{' '}
        differently from this store. The import kept your grades; choose for each which to keep.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void resolve(choices);
          setChoices({});
        }}
      >
        {conflicts.map((c) => (
          <ConflictChoice
            key={c.importedId}
            conflict={c}
            choice={choices[c.importedId] ?? 'ours'}
            onChoose={(choice) => setChoices((all) => ({ ...all, [c.importedId]: choice }))}
          />
        ))}
        <div className="actions">
          <button type="submit" className="primary">
            Apply these grades
          </button>
        </div>
      </form>
    </Modal>
  );
}
