/**
 * The question a repeated link raises (issue 11): the link exists with another note, and
 * making it again must not drop either note without the analyst saying so. Add keeps both
 * (shared/evidence/mergeLinkNote.ts), Replace keeps the new one, Cancel keeps the link as it is.
 */
export type RepeatAnswer = 'add' | 'replace' | 'cancel';

export function RepeatedLinkPrompt({ onAnswer }: { onAnswer: (answer: RepeatAnswer) => void }) {
  return (
    <div
      className="repeated-link"
      role="alertdialog"
      aria-labelledby="repeated-link-question"
      aria-modal="false"
    >
      <p id="repeated-link-question">
        This link already exists. Add your note to it or replace its note?
      </p>
      <div className="actions start">
        <button type="button" className="primary" autoFocus onClick={() => onAnswer('add')}>
          Add my note
        </button>
        <button type="button" onClick={() => onAnswer('replace')}>
          Replace its note
        </button>
        <button type="button" onClick={() => onAnswer('cancel')}>
          Cancel
        </button>
      </div>
    </div>
  );
}
