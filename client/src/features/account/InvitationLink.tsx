import type { Invitation } from '@octograph/graph-schema';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { invitationLink } from './access';

/** An invitation's link to send, shown once (the server keeps only its hash), with Copy. */
export function InvitationLink({
  invitation,
  onDone,
}: {
  invitation: Invitation;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const link = invitationLink(window.location.origin, invitation.token);
  const { user } = invitation;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard outside a secure context (plain http to another machine): select it instead.
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div
      className="invitation-link"
      role="region"
      aria-label={t('account.users.linkFor', { name: user.name })}
    >
      <p>
        {t('account.users.linkIntro', {
          name: user.name,
          email: user.email,
          expires: formatDateTime(invitation.expiresAt, i18n.language),
        })}
      </p>
      <label className="visually-hidden" htmlFor={id}>
        {t('account.users.linkFor', { name: user.name })}
      </label>
      <div className="invitation-link__row">
        <input
          ref={inputRef}
          id={id}
          className="invitation-link__url"
          readOnly
          value={link}
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            void copy();
          }}
        >
          {copied === 'yes' ? t('account.users.copied') : t('account.users.copy')}
        </button>
      </div>
      {copied === 'failed' && (
        <p className="account-field__problem">{t('account.users.copyFailed')}</p>
      )}
      <button type="button" className="pill-button" onClick={onDone}>
        {t('account.users.done')}
      </button>
    </div>
  );
}
