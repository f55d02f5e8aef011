import { useState } from 'react';
import { passwordProblem } from './account-forms';
import type { PasswordFieldsProps } from './PasswordFields';

/**
 * The state of a form that chooses a new password (set-up, invitation, change password): the
 * password, its repetition, and whether the person has tried to send the form yet, since what is
 * wrong with the password shows only from then on.
 */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [tried, setTried] = useState(false);
  const problem = passwordProblem(password, repeated);
  const fields: Omit<PasswordFieldsProps, 'label'> = {
    password,
    repeated,
    onPassword: setPassword,
    onRepeated: setRepeated,
    problem: tried ? problem : null,
  };
  return {
    password,
    /** The props of `PasswordFields` but its label. */
    fields,
    /** On sending the form: from now on a problem shows; true when the password will do. */
    attempt: (): boolean => {
      setTried(true);
      return problem === null;
    },
  };
}
