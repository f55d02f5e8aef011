import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type PasswordProblem } from './account-forms';

export interface PasswordFieldsProps {
  password: string;
  repeated: string;
  onPassword: (value: string) => void;
  onRepeated: (value: string) => void;
  /** Shown once the person has tried to send the form. */
  problem: PasswordProblem;
  /** The label of the first field ("Password", "New password"). */
  label: string;
}

/** A new password and its repetition, with the length rule and what is wrong with them. */
export function PasswordFields({
  password,
  repeated,
  onPassword,
  onRepeated,
  problem,
  label,
}: PasswordFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="account-field">
        <label htmlFor={`${id}-password`}>{label}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          aria-describedby={`${id}-hint`}
          aria-invalid={problem === 'tooShort'}
          onChange={(event) => {
            onPassword(event.target.value);
          }}
        />
        <p id={`${id}-hint`} className="account-field__hint">
          {t('account.passwordHint', { count: PASSWORD_MIN_LENGTH })}
        </p>
      </div>
      <div className="account-field">
        <label htmlFor={`${id}-repeated`}>{t('account.confirmPassword')}</label>
        <input
          id={`${id}-repeated`}
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          aria-invalid={problem === 'mismatch'}
          onChange={(event) => {
            onRepeated(event.target.value);
          }}
        />
      </div>
      {problem !== null && (
        <p className="account-field__problem" role="alert">
          {problem === 'tooShort'
            ? t('account.passwordTooShort', { count: PASSWORD_MIN_LENGTH })
            : t('account.passwordMismatch')}
        </p>
      )}
    </>
  );
}
