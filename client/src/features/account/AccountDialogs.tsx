import { BackupsDialog } from '../backups/BackupsDialog';
import { canManageUsers, historyScope } from './access';
import { openAccountDialog, useAccountDialog } from './account-store';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { HistoryDialog } from './HistoryDialog';
import { useSession } from './session';
import { SetupDialog } from './SetupDialog';
import { UsersDialog } from './UsersDialog';

/** The account dialog open now, if the visitor may see it (a role can change under it). */
export function AccountDialogs() {
  const dialog = useAccountDialog();
  const session = useSession().data;
  if (!session || dialog === null) return null;
  const close = () => {
    openAccountDialog(null);
  };
  const audience = session.audience;
  switch (dialog) {
    case 'setup':
      return session.setupAvailable && session.user === null ? (
        <SetupDialog onClose={close} />
      ) : null;
    case 'changePassword':
      return session.user === null ? null : <ChangePasswordDialog onClose={close} />;
    case 'users':
      return canManageUsers(audience) ? <UsersDialog onClose={close} /> : null;
    case 'backups':
      return canManageUsers(audience) ? <BackupsDialog onClose={close} /> : null;
    case 'history':
      return historyScope(audience) === null ? null : <HistoryDialog onClose={close} />;
  }
}
