/** The backups list (admins) and "Back up now", which reads the list again when it is done. */
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { backUpNow, getBackups } from '../../api/client';

const BACKUPS_KEY = ['backups'] as const;

/** GET /api/backups; idle unless `enabled` (only admins may ask). */
export function useBackups(enabled: boolean) {
  return useQuery({
    queryKey: BACKUPS_KEY,
    queryFn: enabled ? ({ signal }) => getBackups(signal) : skipToken,
  });
}

/** POST /api/backups. */
export function useBackUpNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: backUpNow,
    // A failure is listed as the problem too, so the list is read again either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: BACKUPS_KEY }),
  });
}
