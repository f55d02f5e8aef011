import './account.css';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Logo } from '../../app/Logo';
import { LanguagePicker } from '../language/LanguagePicker';

export interface AccountScreenProps {
  /** The screen's heading, which also names its form. */
  title: string;
  /** Sending the form (the page does not reload). */
  onSubmit: () => void;
  children: ReactNode;
}

/**
 * The frame of the screens shown instead of the app (sign-in, an invitation's "Choose your
 * password"): one card in the middle of the page, a form under the app's name and the heading.
 */
export function AccountScreen({ title, onSubmit, children }: AccountScreenProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <main className="account-screen">
      <form
        className="account-card"
        aria-labelledby={titleId}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <div className="account-card__brand">
          <Logo />
          <span>{t('app.name')}</span>
          <LanguagePicker />
        </div>
        <h1 id={titleId} className="account-card__title">
          {title}
        </h1>
        {children}
      </form>
    </main>
  );
}
