import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountFormActions } from './AccountFormActions';
import { Modal } from '../../ui/Modal';
import { AccountTextField } from './AccountTextField';
import { FormError } from './FormError';
import { PasswordFields } from './PasswordFields';
import { useSetup } from './session';
import { useNewPassword } from './use-new-password';

/** Creates the first administrator (POST /api/setup) and signs them in. */
export function SetupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const setup = useSetup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const newPassword = useNewPassword();

  return (
    <Modal title={t('account.setup.title')} onClose={onClose}>
      <form
        className="account-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!newPassword.attempt() || setup.isPending) return;
          setup.mutate(
            {
              name: name.trim(),
              email: email.trim(),
              password: newPassword.password,
              code: code.trim(),
            },
            { onSuccess: onClose },
          );
        }}
      >
        <p className="account-form__intro">{t('account.setup.intro')}</p>
        <AccountTextField
          id={`${id}-code`}
          label={t('account.setup.code')}
          autoComplete="off"
          required
          autoFocus
          hint={t('account.setup.codeHint')}
          value={code}
          onChange={setCode}
        />
        <AccountTextField
          id={`${id}-name`}
          label={t('account.name')}
          autoComplete="name"
          required
          value={name}
          onChange={setName}
        />
        <AccountTextField
          id={`${id}-email`}
          label={t('account.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <PasswordFields label={t('account.password')} {...newPassword.fields} />
        {setup.isError && <FormError error={setup.error} title={t('account.setup.failed')} />}
        <AccountFormActions
          onCancel={onClose}
          pending={setup.isPending}
          submitLabel={t('account.setup.submit')}
          busyLabel={t('account.setup.busy')}
        />
      </form>
    </Modal>
  );
}
