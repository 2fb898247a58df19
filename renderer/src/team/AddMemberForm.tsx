/** An owner adds a member by their database login name, with a role. */
import { useState } from 'react';
import { isRole, TEAM_ROLES, type TeamRoleName } from './roles';

interface Props {
  /** True when the member was added: the name is cleared for the next one. */
  onAdd: (member: string, role: TeamRoleName) => Promise<boolean>;
}

export function AddMemberForm({ onAdd }: Props) {
  const [member, setMember] = useState('');
  const [role, setRole] = useState<TeamRoleName>('analyst');
  return (
    <form
      className="add-member"
      aria-label="Add a member"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onAdd(member.trim(), role)) setMember('');
      }}
    >
      <label className="field">
        <span className="label">Login name</span>
        <input value={member} required onChange={(e) => setMember(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">Role</span>
        <select value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}>
          {TEAM_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Add member</button>
    </form>
  );
}
