/** The audit log as pages (newest first, "Show older"), and Undo. */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { getAuditPage, undoAuditEntry } from '../../api/client';
import { invalidateAfterWrite, queryKeys, type AuditFilters } from '../../api/queries';

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 20;

/** The audit log with these filters, a page at a time. */
export function useAuditPages(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditPages(filters),
    queryFn: ({ pageParam, signal }) =>
      getAuditPage(
        {
          ...filters,
          limit: AUDIT_PAGE_SIZE,
          ...(pageParam === null ? {} : { before: pageParam }),
        },
        signal,
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchOnWindowFocus: false,
  });
}

/**
 * Undoes an entry (POST /api/audit/:id/undo); on success everything the write changed is read
 * again (the map, insights, meetings, the log itself).
 */
export function useUndoEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoAuditEntry,
    onSuccess: () => invalidateAfterWrite(queryClient),
    // A 409 (already undone, later changes depend on it) means the log on screen may be stale.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit() }),
  });
}
