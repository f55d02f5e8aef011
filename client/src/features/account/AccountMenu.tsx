import './account.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountMenuItems, type AccountMenuItem } from './access';
import { dispatchAccountScreen, openAccountDialog } from './account-store';
import { useSession, useSignOut } from './session';

/**
 * The header's account corner: the signed-in user's name opening their menu (History, Users and
 * Backups for admins, Change password, Sign out), or "Sign in" for a visitor reading the public map.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession().data;
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  // Keyboard users land on the first item; a click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return undefined;
    menuRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !wrapRef.current?.contains(event.target)) {
        setOpen(false);
      }
    };
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const user = session?.user ?? null;
  if (!session || user === null) {
    return (
      <button
        type="button"
        className="pill-button header-button account-button"
        onClick={() => {
          dispatchAccountScreen({ type: 'askSignIn' });
        }}
      >
        {t('account.header.signIn')}
      </button>
    );
  }

  const choose = (item: AccountMenuItem) => {
    setOpen(false);
    if (item === 'signOut') signOut.mutate();
    else openAccountDialog(item);
  };

  return (
    <div ref={wrapRef} className="account-menu">
      <button
        ref={buttonRef}
        type="button"
        className="pill-button header-button account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('account.header.menu', { name: user.name })}
        onClick={() => {
          setOpen((shown) => !shown);
        }}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="5.5" r="2.8" />
          <path d="M2.8 14c.6-2.8 2.7-4.3 5.2-4.3s4.6 1.5 5.2 4.3" />
        </svg>
        <span className="account-button__text">{user.name}</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={t('account.header.menu', { name: user.name })}
          className="context-menu account-menu__list"
          onKeyDown={(event) => {
            const items = [...(menuRef.current?.querySelectorAll('button') ?? [])];
            const index = items.findIndex((item) => item === document.activeElement);
            if (event.key === 'Escape') {
              setOpen(false);
              buttonRef.current?.focus();
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              items[(index + step + items.length) % items.length]?.focus();
            }
            // The page's single-key shortcuts stay quiet while the menu has the keyboard.
            event.stopPropagation();
          }}
        >
          <div className="context-menu__title account-menu__who">
            <span className="account-menu__name">{user.name}</span>
            <span className="account-menu__detail">{user.email}</span>
            <span className="account-menu__detail">{t(`account.role.${user.role}`)}</span>
          </div>
          {accountMenuItems(session.audience).map((item) => (
            <button
              key={item}
              type="button"
              role="menuitem"
              className="context-menu__item"
              onClick={() => {
                choose(item);
              }}
            >
              {item === 'backups' ? t('backups.menu') : t(`account.menu.${item}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
