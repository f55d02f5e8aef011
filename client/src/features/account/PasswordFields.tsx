import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type PasswordProblem } from './account-forms';
import { AccountTextField } from './AccountTextField';

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
      <AccountTextField
        id={`${id}-password`}
        label={label}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={onPassword}
        hint={t('account.passwordHint', { count: PASSWORD_MIN_LENGTH })}
        invalid={problem === 'tooShort'}
      />
      <AccountTextField
        id={`${id}-repeated`}
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={repeated}
        onChange={onRepeated}
        invalid={problem === 'mismatch'}
      />
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
