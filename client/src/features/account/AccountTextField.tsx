export interface AccountTextFieldProps {
  /** The input's id (the label points at it); the hint's id is this with `-hint`. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date';
  /** What a password manager or the browser may fill in ("username", "new-password"). */
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
  /** Bounds of a date field (yyyy-mm-dd). */
  min?: string;
  max?: string;
  /** A rule shown under the field and read out with it ("At least 10 characters"). */
  hint?: string;
  /** Marks the field as the one whose value is wrong (`aria-invalid`). */
  invalid?: boolean;
}

/** One labelled input of the account forms and screens (`.account-field`). */
export function AccountTextField({
  id,
  label,
  value,
  onChange,
  type,
  autoComplete,
  required,
  autoFocus,
  min,
  max,
  hint,
  invalid,
}: AccountTextFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="account-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        required={required}
        autoFocus={autoFocus}
        // A modal dialog opening around it would take the focus away (Modal gives it back).
        data-autofocus={autoFocus === true ? '' : undefined}
        min={min}
        max={max}
        value={value}
        aria-describedby={hint === undefined ? undefined : hintId}
        aria-invalid={invalid}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {hint !== undefined && (
        <p id={hintId} className="account-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
