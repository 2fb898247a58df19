import type { ActionError } from '../store/types';

export function FormError({ error }: { error: ActionError }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  );
}
