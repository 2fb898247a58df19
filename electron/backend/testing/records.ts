/** Test helpers: valid domain records to feed the store directly. */
import type { Case } from '../../../shared/domain/schemas';

export const T0 = '2025-11-01T00:00:00.000Z';

export function validCase(id: string, fields: Partial<Omit<Case, 'id'>> = {}): Case {
  return { id, title: `Case ${id}`, question: '', createdAt: T0, updatedAt: T0, ...fields };
}
