/**
 * Suggested introductions: pairs of organisations with no link of any kind yet, scored by what
 * they have in common. Each reason adds to the score:
 *
 * - a shared theme (FOCUSES_ON the same theme): 1 each;
 * - a shared place (BASED_IN): 1 each;
 * - a shared value tag: 0.5 each;
 * - one's offer tag matching the other's need tag: 1 each, both ways;
 * - friends in common: their Adamic–Adar index over the collaboration network (a common
 *   neighbour with few links counts more than a hub everyone knows).
 *
 * Closed organisations, and pairs someone dismissed, are never suggested. Candidates are found through the same indexes, so
 * a pair with nothing in common is never scored.
 */
import type { InsightNodeRef, IntroductionItem, IntroductionReason } from '@octograph/graph-schema';
import { byName, refOf, type NetworkModel, type OrganisationProfile } from './network-model.js';

const WEIGHTS = { theme: 1, place: 1, value: 0.5, offer: 1, adamicAdar: 1 } as const;

/** How many whole-network suggestions are kept. */
export const NETWORK_INTRODUCTIONS_LIMIT = 500;

/** Indexes from each feature to the organisations that have it. */
export interface IntroductionIndex {
  byTheme: Map<string, string[]>;
  byPlace: Map<string, string[]>;
  byValue: Map<string, string[]>;
  byOffer: Map<string, string[]>;
  byNeed: Map<string, string[]>;
}

function addTo(index: Map<string, string[]>, keys: Iterable<string>, id: string): void {
  for (const key of keys) {
    const list = index.get(key);
    if (list) list.push(id);
    else index.set(key, [id]);
  }
}

/** Indexes the open organisations of the model by theme, place and tags. */
export function buildIntroductionIndex(model: NetworkModel): IntroductionIndex {
  const index: IntroductionIndex = {
    byTheme: new Map(),
    byPlace: new Map(),
    byValue: new Map(),
    byOffer: new Map(),
    byNeed: new Map(),
  };
  for (const profile of model.profiles.values()) {
    if (profile.closed) continue;
    addTo(index.byTheme, profile.themes, profile.id);
    addTo(index.byPlace, profile.places, profile.id);
    addTo(index.byValue, profile.values, profile.id);
    addTo(index.byOffer, profile.offers, profile.id);
    addTo(index.byNeed, profile.needs, profile.id);
  }
  return index;
}

/** Organisations that share something with `profile`, not linked to it yet nor dismissed. */
function candidatesOf(
  model: NetworkModel,
  index: IntroductionIndex,
  profile: OrganisationProfile,
): Set<string> {
  const found = new Set<string>();
  const gather = (map: Map<string, string[]>, keys: Iterable<string>): void => {
    for (const key of keys) for (const id of map.get(key) ?? []) found.add(id);
  };
  gather(index.byTheme, profile.themes);
  gather(index.byPlace, profile.places);
  gather(index.byValue, profile.values);
  gather(index.byNeed, profile.offers);
  gather(index.byOffer, profile.needs);
  const { graph } = model;
  if (graph.hasNode(profile.id)) {
    for (const friend of graph.neighbors(profile.id)) {
      for (const other of graph.neighbors(friend)) {
        if (model.profiles.get(other)?.closed === false) found.add(other);
      }
    }
  }
  found.delete(profile.id);
  for (const linked of profile.linked) found.delete(linked);
  for (const dismissed of profile.dismissed) found.delete(dismissed);
  return found;
}

function intersect(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((item) => b.has(item)).sort();
}

/** The reasons and score of one pair, or null when they have nothing in common. */
export function scorePair(
  model: NetworkModel,
  a: OrganisationProfile,
  b: OrganisationProfile,
): IntroductionItem | null {
  const reasons: IntroductionReason[] = [];
  const phrases: string[] = [];
  let score = 0;
  const themes = intersect(a.themes, b.themes).map((id) => refOf(model, id));
  if (themes.length > 0) {
    themes.sort(byName);
    reasons.push({ type: 'sharedThemes', themes });
    score += WEIGHTS.theme * themes.length;
    phrases.push(`both work on ${listOf(themes.map((theme) => theme.name))}`);
  }
  const places = intersect(a.places, b.places).map((id) => refOf(model, id));
  if (places.length > 0) {
    places.sort(byName);
    reasons.push({ type: 'samePlace', places });
    score += WEIGHTS.place * places.length;
    phrases.push(`both are based in ${listOf(places.map((place) => place.name))}`);
  }
  const values = intersect(a.values, b.values);
  if (values.length > 0) {
    reasons.push({ type: 'sharedValues', values });
    score += WEIGHTS.value * values.length;
    phrases.push(`they share the values ${listOf(values)}`);
  }
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const tags = intersect(from.offers, to.needs);
    if (tags.length === 0) continue;
    reasons.push({ type: 'offersMeetNeeds', from: from.id, to: to.id, tags });
    score += WEIGHTS.offer * tags.length;
    phrases.push(`${refOf(model, from.id).name} offers what the other needs (${listOf(tags)})`);
  }
  const { graph } = model;
  if (graph.hasNode(a.id) && graph.hasNode(b.id)) {
    const theirs = new Set(graph.neighbors(b.id));
    const friends = graph.neighbors(a.id).filter((friend) => theirs.has(friend));
    if (friends.length > 0) {
      // Every common neighbour has at least the two links to a and b, so log(degree) > 0.
      const adamicAdar = friends.reduce(
        (sum, friend) => sum + 1 / Math.log(graph.degree(friend)),
        0,
      );
      const refs = friends.map((id) => refOf(model, id)).sort(byName);
      reasons.push({ type: 'friendsInCommon', friends: refs, adamicAdar });
      score += WEIGHTS.adamicAdar * adamicAdar;
      phrases.push(
        `they have ${countOf(friends.length, 'partner', 'partners')} in common (${listOf(refs.map((ref) => ref.name))})`,
      );
    }
  }
  if (reasons.length === 0) return null;
  const [first, second] = [refOf(model, a.id), refOf(model, b.id)].sort(byName);
  if (first === undefined || second === undefined) return null;
  return {
    a: first,
    b: second,
    score,
    reasons,
    explanation: `${first.name} and ${second.name} are not linked yet, but ${phrases.join('; ')}.`,
  };
}

/** Higher score first, then by the two names, so the order never depends on the store's. */
export function byScore(x: IntroductionItem, y: IntroductionItem): number {
  return y.score - x.score || byName(x.a, y.a) || byName(x.b, y.b);
}

/** Every suggestion for one organisation, best first. */
export function introductionsFor(
  model: NetworkModel,
  index: IntroductionIndex,
  id: string,
): IntroductionItem[] {
  const profile = model.profiles.get(id);
  if (profile === undefined || profile.closed) return [];
  const items: IntroductionItem[] = [];
  for (const other of candidatesOf(model, index, profile)) {
    const otherProfile = model.profiles.get(other);
    if (otherProfile === undefined) continue;
    const item = scorePair(model, profile, otherProfile);
    if (item) items.push(item);
  }
  return items.sort(byScore);
}

/** A scored pair before its reasons are written out. */
interface ScoredPair {
  score: number;
  first: InsightNodeRef;
  second: InsightNodeRef;
}

function byPairScore(x: ScoredPair, y: ScoredPair): number {
  return y.score - x.score || byName(x.first, y.first) || byName(x.second, y.second);
}

/**
 * The best `limit` suggestions of the whole network, best first. Scoring every pair with its
 * reasons would hold millions of objects on a network of 10,000 organisations, so the scores
 * are first added up in one array per organisation from the same indexes (the same weights as
 * scorePair), only the best `limit` pairs are kept, and only those get their reasons. No pair
 * can score more than either organisation's bestPossible, so once `limit` pairs are kept, pairs
 * with an organisation whose best is below the worst of them are never counted: on 10,000
 * organisations that skips about a third of the work, and the result is the same.
 */
export function networkIntroductions(
  model: NetworkModel,
  index: IntroductionIndex,
  limit = NETWORK_INTRODUCTIONS_LIMIT,
): IntroductionItem[] {
  // Most promising first (bestPossible, descending): a pair is counted from its earlier
  // organisation, and every list below is walked in this order, so the walk stops at the first
  // organisation whose best possible score cannot make the list any more.
  const ranked = [...model.profiles.values()]
    .filter((profile) => !profile.closed)
    .map((profile) => ({ profile, best: bestPossible(model, profile) }))
    .sort((x, y) => y.best - x.best);
  const open = ranked.map(({ profile }) => profile);
  const best = Float64Array.from(ranked, ({ best: most }) => most);
  const position = new Map(open.map((profile, at) => [profile.id, at]));
  const scores = new Float64Array(open.length);
  const touched: number[] = [];
  const { graph } = model;
  let kept: ScoredPair[] = [];
  let threshold = 0;
  // Index lists as ascending positions in `open`: the pairs with an earlier organisation (already
  // counted from its end) are then skipped at once, and no id is looked up in the inner loop.
  const positions = (map: Map<string, string[]>): Map<string, Int32Array> =>
    new Map(
      [...map].map(([key, ids]) => [
        key,
        Int32Array.from(ids, (id) => position.get(id) ?? -1).sort(),
      ]),
    );
  const byTheme = positions(index.byTheme);
  const byPlace = positions(index.byPlace);
  const byValue = positions(index.byValue);
  const byOffer = positions(index.byOffer);
  const byNeed = positions(index.byNeed);
  const bump = (at: number, weight: number): void => {
    if (scores[at] === 0) touched.push(at);
    scores[at] = (scores[at] ?? 0) + weight;
  };
  // Below this, a pair cannot make the list (the margin covers rounding in bestPossible).
  let floor = -Infinity;
  const add = (list: Int32Array | undefined, weight: number, after: number): void => {
    if (list === undefined) return;
    const end = firstBelow(list, best, floor);
    for (let i = firstAfter(list, after); i < end; i += 1) bump(list[i] ?? 0, weight);
  };
  // A partner with d links is reached from each of its d partners: its open partners (as
  // positions) and its Adamic–Adar weight are worked out on the first visit, not d times.
  const partners = new Map<string, { open: Int32Array; weight: number } | null>();
  const partnersOf = (friend: string): { open: Int32Array; weight: number } | null => {
    let found = partners.get(friend);
    if (found === undefined) {
      const degree = graph.degree(friend);
      found =
        degree < 2
          ? null
          : {
              open: Int32Array.from(
                graph.filterNeighbors(friend, (other) => position.has(other)),
                (other) => position.get(other) ?? -1,
              ).sort(),
              weight: WEIGHTS.adamicAdar / Math.log(degree),
            };
      partners.set(friend, found);
    }
    return found;
  };
  open.forEach((profile, self) => {
    floor = threshold - 1e-9;
    if ((best[self] ?? 0) < floor) return;
    for (const theme of profile.themes) add(byTheme.get(theme), WEIGHTS.theme, self);
    for (const place of profile.places) add(byPlace.get(place), WEIGHTS.place, self);
    for (const value of profile.values) add(byValue.get(value), WEIGHTS.value, self);
    for (const offer of profile.offers) add(byNeed.get(offer), WEIGHTS.offer, self);
    for (const need of profile.needs) add(byOffer.get(need), WEIGHTS.offer, self);
    if (graph.hasNode(profile.id)) {
      for (const friend of graph.neighbors(profile.id)) {
        const reach = partnersOf(friend);
        if (reach !== null) add(reach.open, reach.weight, self);
      }
    }
    for (const at of touched) {
      const score = scores[at] ?? 0;
      scores[at] = 0;
      if (score < threshold) continue;
      const other = open[at];
      if (other === undefined || profile.linked.has(other.id) || profile.dismissed.has(other.id)) {
        continue;
      }
      const [first, second] = [refOf(model, profile.id), refOf(model, other.id)].sort(byName);
      if (first === undefined || second === undefined) continue;
      kept.push({ score, first, second });
      if (kept.length >= limit * 4) {
        kept = kept.sort(byPairScore).slice(0, limit);
        threshold = kept[kept.length - 1]?.score ?? 0;
      }
    }
    touched.length = 0;
  });
  const items: IntroductionItem[] = [];
  for (const { first, second } of kept.sort(byPairScore).slice(0, limit)) {
    const a = model.profiles.get(first.id);
    const b = model.profiles.get(second.id);
    const item = a && b ? scorePair(model, a, b) : null;
    if (item) items.push(item);
  }
  return items.sort(byScore);
}

/**
 * The most any pair with `profile` can score: every theme, place, value, offer and need of it
 * shared or met, and every partner of it a friend in common.
 */
function bestPossible(model: NetworkModel, profile: OrganisationProfile): number {
  let score =
    WEIGHTS.theme * profile.themes.size +
    WEIGHTS.place * profile.places.size +
    WEIGHTS.value * profile.values.size +
    WEIGHTS.offer * (profile.offers.size + profile.needs.size);
  const { graph } = model;
  if (graph.hasNode(profile.id)) {
    graph.forEachNeighbor(profile.id, (friend) => {
      const degree = graph.degree(friend);
      if (degree >= 2) score += WEIGHTS.adamicAdar / Math.log(degree);
    });
  }
  return score;
}

/** The index of the first value above `after` in an ascending list (its length if none). */
function firstAfter(list: Int32Array, after: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] ?? 0) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The index of the first position in `list` whose best score is below `floor` (its length if
 * none): `list` ascends, and best scores descend with the position.
 */
function firstBelow(list: Int32Array, best: Float64Array, floor: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((best[list[middle] ?? 0] ?? 0) >= floor) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "1 partner", "3 partners". */
export function countOf(count: number, one: string, other: string): string {
  return `${String(count)} ${count === 1 ? one : other}`;
}

/**
 * Suggestions among a set of organisations (the attendees of a meeting): every pair not linked,
 * not dismissed and open, that has something in common, best first.
 */
export function introductionsAmong(
  model: NetworkModel,
  ids: readonly string[],
): IntroductionItem[] {
  const profiles = [...new Set(ids)]
    .map((id) => model.profiles.get(id))
    .filter((profile): profile is OrganisationProfile => profile !== undefined && !profile.closed);
  const items: IntroductionItem[] = [];
  profiles.forEach((profile, index) => {
    for (const other of profiles.slice(index + 1)) {
      if (profile.linked.has(other.id) || profile.dismissed.has(other.id)) continue;
      const item = scorePair(model, profile, other);
      if (item) items.push(item);
    }
  });
  return items.sort(byScore);
}
