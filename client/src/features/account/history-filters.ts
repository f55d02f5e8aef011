/**
 * The History dialog's filters and what GET /api/audit is asked with. An editor's history is
 * their own (the server applies it whatever is sent), so only an admin's filters name a user.
 */
import type { AuditFilters } from '../../api/queries';

export interface HistoryFilters {
  /** A user id, or '' for anyone. */
  user: string;
  /** The node chosen (by name), or null for any. */
  node: { id: string; name: string } | null;
  /** `YYYY-MM-DD` or ''. */
  from: string;
  to: string;
}

export const NO_HISTORY_FILTERS: HistoryFilters = { user: '', node: null, from: '', to: '' };

/** The query's filters for someone who sees `scope` of the log. */
export function auditFiltersOf(filters: HistoryFilters, scope: 'all' | 'own'): AuditFilters {
  return {
    ...(scope === 'all' && filters.user !== '' ? { user: filters.user } : {}),
    ...(filters.node === null ? {} : { node: filters.node.id }),
    ...(filters.from === '' ? {} : { from: filters.from }),
    ...(filters.to === '' ? {} : { to: filters.to }),
  };
}

/** Whether any filter is set (the Clear button shows). */
export function hasHistoryFilters(filters: HistoryFilters): boolean {
  return filters.user !== '' || filters.node !== null || filters.from !== '' || filters.to !== '';
}

/** The node a typed name picks among the search results (exact name, ignoring case), or null. */
export function nodeByName<T extends { id: string; name: string }>(
  typed: string,
  options: readonly T[],
): T | null {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return null;
  return options.find((option) => option.name.toLowerCase() === wanted) ?? null;
}
