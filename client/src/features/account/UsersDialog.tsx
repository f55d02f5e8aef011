import { ROLES, RoleSchema, type Invitation, type Role, type User } from '@octograph/graph-schema';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AccountFormActions } from './AccountFormActions';
import { Modal } from '../../ui/Modal';
import { AccountTextField } from './AccountTextField';
import { FormError } from './FormError';
import { InvitationLink } from './InvitationLink';
import { useSession } from './session';
import { useInviteUser, useReinviteUser, useUpdateUser, useUsers } from './users-queries';

/** Where a user stands: invited without a password yet, disabled, or active. */
function statusKey(user: User) {
  if (user.disabled) return 'account.users.disabled' as const;
  return user.invitationPending
    ? ('account.users.pending' as const)
    : ('account.users.active' as const);
}

/** The invite form: e-mail, name, role. */
function InviteForm({
  onInvited,
  onCancel,
}: {
  onInvited: (invitation: Invitation) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  return (
    <form
      className="account-form invite-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (invite.isPending) return;
        invite.mutate({ email: email.trim(), name: name.trim(), role }, { onSuccess: onInvited });
      }}
    >
      <h3 id={`${id}-title`} className="account-form__title">
        {t('account.users.inviteTitle')}
      </h3>
      <AccountTextField
        id={`${id}-name`}
        label={t('account.name')}
        required
        autoFocus
        value={name}
        onChange={setName}
      />
      <AccountTextField
        id={`${id}-email`}
        label={t('account.email')}
        type="email"
        required
        value={email}
        onChange={setEmail}
      />
      <div className="account-field">
        <label htmlFor={`${id}-role`}>{t('account.users.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => {
            const chosen = RoleSchema.safeParse(event.target.value);
            if (chosen.success) setRole(chosen.data);
          }}
        >
          {ROLES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`account.role.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      {invite.isError && <FormError error={invite.error} title={t('account.users.inviteFailed')} />}
      <AccountFormActions
        onCancel={onCancel}
        pending={invite.isPending}
        submitLabel={t('account.users.inviteSubmit')}
        busyLabel={t('account.users.inviteBusy')}
      />
    </form>
  );
}

/**
 * Users (admins): everyone with an account, their role (a select), access (disable / enable),
 * a new invitation link (also how a forgotten password is reset), and "Invite someone". A link
 * is shown once, to copy. A change the server refuses (it would leave no administrator) says why.
 */
export function UsersDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession().data?.user ?? null;
  const users = useUsers(true);
  const update = useUpdateUser();
  const reinvite = useReinviteUser();
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<Invitation | null>(null);
  const items = users.data ?? [];
  const failed = update.isError ? update.error : reinvite.isError ? reinvite.error : null;

  return (
    <Modal title={t('account.users.title')} onClose={onClose} className="users-dialog">
      <p className="account-form__intro">{t('account.users.intro')}</p>
      {link !== null && (
        <InvitationLink
          invitation={link}
          onDone={() => {
            setLink(null);
          }}
        />
      )}
      {inviting ? (
        <InviteForm
          onInvited={(invitation) => {
            setInviting(false);
            setLink(invitation);
          }}
          onCancel={() => {
            setInviting(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="button users-dialog__invite"
          onClick={() => {
            setLink(null);
            setInviting(true);
          }}
        >
          {t('account.users.invite')}
        </button>
      )}
      {failed !== null && <FormError error={failed} title={t('account.users.changeFailed')} />}
      {users.isPending && <p className="muted">{t('account.users.loading')}</p>}
      {users.isError && (
        <ErrorNotice
          error={users.error}
          compact
          onRetry={() => {
            void users.refetch();
          }}
        />
      )}
      {users.data && (
        <p className="users-dialog__count muted">
          {t('account.users.count', { count: items.length })}
        </p>
      )}
      <ul className="user-list">
        {items.map((user) => {
          const busy = update.isPending || reinvite.isPending;
          return (
            <li key={user.id} className="user-list__item">
              <div className="user-list__who">
                <span className="user-list__name">
                  {user.name}{' '}
                  {user.id === me?.id && <span className="muted">{t('account.users.you')}</span>}
                </span>
                <span className="user-list__email">{user.email}</span>
                <span
                  className={
                    user.disabled ? 'user-list__status user-list__status--off' : 'user-list__status'
                  }
                >
                  {t(statusKey(user))}
                </span>
              </div>
              <div className="user-list__actions">
                <select
                  aria-label={t('account.users.roleOf', { name: user.name })}
                  value={user.role}
                  disabled={busy}
                  onChange={(event) => {
                    const role = RoleSchema.safeParse(event.target.value);
                    if (role.success) update.mutate({ id: user.id, patch: { role: role.data } });
                  }}
                >
                  {ROLES.map((choice) => (
                    <option key={choice} value={choice}>
                      {t(`account.role.${choice}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="pill-button"
                  disabled={busy}
                  aria-label={t(
                    user.disabled ? 'account.users.enableLabel' : 'account.users.disableLabel',
                    { name: user.name },
                  )}
                  onClick={() => {
                    update.mutate({ id: user.id, patch: { disabled: !user.disabled } });
                  }}
                >
                  {user.disabled ? t('account.users.enable') : t('account.users.disable')}
                </button>
                <button
                  type="button"
                  className="pill-button"
                  disabled={busy}
                  aria-label={t('account.users.newLinkLabel', { name: user.name })}
                  onClick={() => {
                    setInviting(false);
                    reinvite.mutate(user.id, { onSuccess: setLink });
                  }}
                >
                  {t('account.users.newLink')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
