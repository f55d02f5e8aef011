/** The users list (admins) and the writes on it, each followed by reading the list again. */
import type { InviteBody, UserPatch } from '@octograph/graph-schema';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getUsers, inviteUser, reinviteUser, updateUser } from '../../api/client';
import { queryKeys } from '../../api/queries';

/** Every account; idle unless `enabled` (only admins may ask). */
export function useUsers(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.users(),
    queryFn: enabled ? ({ signal }) => getUsers(signal) : skipToken,
  });
}

function useUsersWrite<V, R>(write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    // After a failure too: a 409 may mean the list on screen is stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}

/** POST /api/users: the answer carries the invitation link's token. */
export function useInviteUser() {
  return useUsersWrite((body: InviteBody) => inviteUser(body));
}

/** PATCH /api/users/:id. */
export function useUpdateUser() {
  return useUsersWrite(({ id, patch }: { id: string; patch: UserPatch }) => updateUser(id, patch));
}

/** POST /api/users/:id/invitation: a new link (also resets a forgotten password). */
export function useReinviteUser() {
  return useUsersWrite((id: string) => reinviteUser(id));
}
