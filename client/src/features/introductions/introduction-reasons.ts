/**
 * Why two organisations might meet, in the reader's words: one sentence per reason, built from
 * the reason's fields (never the server's English `explanation`). Pure given `t`, so the Insights
 * panel and the details panel say it the same way and it is unit-tested with an i18next instance.
 */
import type { IntroductionReason } from '@octograph/graph-schema';
import type { TFunction } from 'i18next';
import type { NamedPair } from './introductions-state';

export function reasonText(reason: IntroductionReason, pair: NamedPair, t: TFunction): string {
  const nameOf = (id: string) => (id === pair.a.id ? pair.a.name : pair.b.name);
  switch (reason.type) {
    case 'sharedThemes':
      return t('insights.introductions.sharedThemes', {
        names: reason.themes.map((theme) => theme.name),
      });
    case 'samePlace':
      return t('insights.introductions.samePlace', {
        names: reason.places.map((place) => place.name),
      });
    case 'sharedValues':
      return t('insights.introductions.sharedValues', { names: reason.values });
    case 'offersMeetNeeds':
      return t('insights.introductions.offersMeetNeeds', {
        from: nameOf(reason.from),
        to: nameOf(reason.to),
        names: reason.tags,
      });
    case 'friendsInCommon':
      return t('insights.introductions.friendsInCommon', {
        count: reason.friends.length,
        names: reason.friends.map((friend) => friend.name),
      });
  }
}
