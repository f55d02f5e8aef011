/**
 * The reader's language: what i18next speaks now, the choice kept in this browser's local storage
 * (a visitor's, and a signed-in user's after they sign out), and the one stored with the account
 * (PATCH /api/session), which follows the user to every device they sign in on.
 */
import type { SessionInfo } from '@octograph/graph-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setAccountLanguage } from '../../api/client';
import { queryKeys } from '../../api/queries';
import {
  LANGUAGE_STORAGE_KEY,
  pickLanguage,
  isLanguage,
  type Language,
} from '../../i18n/languages';
import { useSession } from '../account/session';

/** The choice this browser remembers, if the reader made one. */
export function storedLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return stored !== null && isLanguage(stored) ? stored : null;
  } catch {
    // Storage can be switched off; the browser's language is used then.
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // As above: the choice then lasts until the page is left.
  }
}

/** Speak `language` now, without reloading, and remember it in this browser. */
export function switchLanguage(language: Language): void {
  storeLanguage(language);
  if (pickLanguage([i18next.language]) !== language) void i18next.changeLanguage(language);
}

/** The language the page speaks now. */
export function useCurrentLanguage(): Language {
  const { i18n } = useTranslation();
  return pickLanguage([i18n.resolvedLanguage ?? i18n.language]);
}

/** Stores the language with the signed-in user's account; the session answer replaces the old. */
function useSaveAccountLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAccountLanguage,
    onSuccess: (session: SessionInfo) => {
      queryClient.setQueryData(queryKeys.session(), session);
    },
  });
}

/** Choosing a language: switched at once, remembered here and, when signed in, on the account. */
export function useChooseLanguage() {
  const session = useSession().data;
  const save = useSaveAccountLanguage();
  const signedIn = session?.user != null;
  return {
    choose: (language: Language) => {
      switchLanguage(language);
      if (signedIn && session.user?.language !== language) save.mutate(language);
    },
    error: save.error,
  };
}

/**
 * Keeps the page's language and the account's in step (use once, where the session is read): a
 * user who chose a language elsewhere gets it on sign-in; a user who has not chosen one yet keeps
 * what they chose here before signing in, and it is stored with the account.
 */
export function useAccountLanguageSync(): void {
  const session = useSession().data;
  const { mutate } = useSaveAccountLanguage();
  const userId = session?.user?.id ?? null;
  const accountLanguage = session?.user?.language ?? null;
  // The choice made here is offered to each account once per page: a refusal is not retried.
  const offered = useRef(new Set<string>());

  useEffect(() => {
    if (userId === null) return;
    if (accountLanguage !== null) {
      switchLanguage(accountLanguage);
      return;
    }
    const chosenHere = storedLanguage();
    if (chosenHere === null || offered.current.has(userId)) return;
    offered.current.add(userId);
    mutate(chosenHere);
  }, [userId, accountLanguage, mutate]);
}
