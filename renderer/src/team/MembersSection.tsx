/**
 * Who is in the case and with what role (issue 14). Owners add, change and remove members;
 * PostgreSQL enforces it, so a refusal (not an owner, the last owner) is shown as it comes.
 */
import { useEffect, useState } from 'react';
import { FormError } from '../components/FormError';
import { teamSelectors, useAppStore } from '../store';
import type { ActionError } from '../store/types';
import { AddMemberForm } from './AddMemberForm';
import { ConfirmButton } from './ConfirmButton';
import { isRole, TEAM_ROLES } from './roles';

interface Props {
  caseId: string;
  isOwner: boolean;
}

export function MembersSection({ caseId, isOwner }: Props) {
  const members = useAppStore(teamSelectors.members);
  const loadMembers = useAppStore((s) => s.loadMembers);
  const setMember = useAppStore((s) => s.setMember);
  const removeMember = useAppStore((s) => s.removeMember);
  const [error, setError] = useState<ActionError>(null);

  useEffect(() => {
    void loadMembers(caseId).then(setError);
  }, [caseId, loadMembers]);

  const act = async (work: Promise<ActionError>): Promise<boolean> => {
    const failure = await work;
    setError(failure);
    return failure === null;
  };

  return (
    <section className="team-section" aria-labelledby="team-members-title">
      <h3 id="team-members-title">Members</h3>
      {members === null ? (
        <p className="muted">Loading the members…</p>
      ) : (
        <table className="team-table" aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Added by</th>
              {isOwner && (
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.member} data-member={m.member}>
                <td>{m.member}</td>
                <td>
                  {isOwner ? (
                    <select
                      aria-label={`Role of ${m.member}`}
                      value={m.role}
                      onChange={(e) => {
                        const role = e.target.value;
                        if (isRole(role)) void act(setMember(caseId, m.member, role));
                      }}
                    >
                      {TEAM_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                <td>{m.addedBy}</td>
                {isOwner && (
                  <td>
                    <ConfirmButton
                      label="Remove"
                      ariaLabel={`Remove ${m.member}`}
                      question={`Remove ${m.member} from the case?`}
                      confirmLabel="Remove"
                      onConfirm={() => act(removeMember(caseId, m.member))}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError error={error} />
      {isOwner && <AddMemberForm onAdd={(member, role) => act(setMember(caseId, member, role))} />}
    </section>
  );
}
