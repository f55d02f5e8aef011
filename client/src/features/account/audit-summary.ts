/**
 * An audit entry in words: "Updated Harbour Lights Choir: description", "Linked Food Bank →
 * Town Network (Member of)", "Moved 12 nodes". Pure (it takes `t` and a name lookup), so the
 * History dialog's sentences are unit-tested without React.
 */
import {
  ACCOUNT_ACTIONS,
  BACKUP_ACTIONS,
  SEED_ACTOR,
  type AuditChange,
  type AuditEntry,
} from '@octograph/graph-schema';
import type { TFunction } from 'i18next';
import { en } from '../../i18n/en';

/** A node's name by id, where the page knows it (the map), else null. */
export type NameOf = (id: string) => string | null;

/** More lines than this and an entry is told in counts instead ("Created 40 nodes"). */
export const MAX_SUMMARY_LINES = 4;

/** Bookkeeping fields that every write touches: not worth naming as a change. */
const QUIET_FIELDS = new Set(['id', 'kind', 'createdAt', 'updatedAt', 'createdBy']);

type FieldLabelKey = keyof typeof en.account.history.field;

function isFieldLabelKey(field: string): field is FieldLabelKey {
  return Object.hasOwn(en.account.history.field, field);
}

/** The fields whose values differ between two versions of a record, in the record's order. */
export function changedFields(before: object, after: object): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const beforeValues = new Map(Object.entries(before));
  const afterValues = new Map(Object.entries(after));
  return fields.filter(
    (field) =>
      !QUIET_FIELDS.has(field) &&
      JSON.stringify(beforeValues.get(field)) !== JSON.stringify(afterValues.get(field)),
  );
}

/** What a change did to its record. */
export type ChangeVerb = 'created' | 'updated' | 'deleted';

export function verbOf(change: AuditChange): ChangeVerb {
  if (change.before === null) return 'created';
  return change.after === null ? 'deleted' : 'updated';
}

/** The names of nodes created, changed or deleted in this entry, to name links' ends with. */
function entryNames(changes: readonly AuditChange[], nameOf: NameOf): NameOf {
  const names = new Map<string, string>();
  for (const change of changes) {
    if (change.entity !== 'node') continue;
    const node = change.after ?? change.before;
    if (node) names.set(node.id, node.name);
  }
  return (id) => names.get(id) ?? nameOf(id);
}

/**
 * An entry's changes in words: one line per change (moves together), or counts when there are
 * too many. A page of the log carries only the first changes of a big entry (an import): those
 * are counted, then how many more there are.
 */
export function summariseEntry(
  entry: Pick<AuditEntry, 'changes' | 'changeCount'>,
  nameOf: NameOf,
  t: TFunction,
): string[] {
  const { changes, changeCount } = entry;
  if (changeCount <= changes.length) return summariseChanges(changes, nameOf, t);
  return [
    ...countLines(changes, t),
    t('account.history.moreChanges', { count: changeCount - changes.length }),
  ];
}

/** One line per change (positions together), or counts when there are too many. */
export function summariseChanges(
  changes: readonly AuditChange[],
  nameOf: NameOf,
  t: TFunction,
): string[] {
  const name = entryNames(changes, nameOf);
  const named = (id: string) => name(id) ?? t('account.history.unknownNode');
  const fieldList = (fields: readonly string[]) =>
    fields
      .map((field) => (isFieldLabelKey(field) ? t(`account.history.field.${field}`) : field))
      .join(', ');

  const lines: string[] = [];
  const moved = changes.filter((change) => change.entity === 'position');
  for (const change of changes) {
    const verb = verbOf(change);
    switch (change.entity) {
      case 'node': {
        const node = change.after ?? change.before;
        const nodeName = node?.name ?? named(change.id);
        const fields =
          change.before && change.after ? changedFields(change.before, change.after) : [];
        lines.push(
          verb === 'updated' && fields.length > 0
            ? t('account.history.change.nodeFields', { name: nodeName, fields: fieldList(fields) })
            : t(`account.history.change.node.${verb}`, { name: nodeName }),
        );
        break;
      }
      case 'link': {
        const link = change.after ?? change.before;
        if (!link) break;
        const values = {
          source: named(link.source),
          target: named(link.target),
          kind: t(`kinds.link.${link.kind}`),
        };
        const fields =
          change.before && change.after ? changedFields(change.before, change.after) : [];
        lines.push(
          verb === 'updated' && fields.length > 0
            ? t('account.history.change.linkFields', { ...values, fields: fieldList(fields) })
            : t(`account.history.change.link.${verb}`, values),
        );
        break;
      }
      case 'dismissal': {
        const pair = change.after ?? change.before;
        const [a = '', b = ''] = pair ? [pair.a, pair.b] : change.id.split('|');
        lines.push(
          t(
            change.after === null
              ? 'account.history.change.dismissalRestored'
              : 'account.history.change.dismissal',
            { a: named(a), b: named(b) },
          ),
        );
        break;
      }
      case 'user': {
        const user = change.after ?? change.before;
        if (!user) break;
        const role = t(`account.role.${user.role}`);
        if (change.before === null) {
          lines.push(
            t(
              user.invitationPending
                ? 'account.history.change.userInvited'
                : 'account.history.change.userCreated',
              { email: user.email, role },
            ),
          );
          break;
        }
        const fields = [
          ...(change.after ? changedFields(change.before, change.after) : []),
          ...(change.passwordChanged ? ['password'] : []),
        ];
        lines.push(
          t('account.history.change.userFields', { email: user.email, fields: fieldList(fields) }),
        );
        break;
      }
      case 'position':
        // All moves of an entry in one line, where the first of them was.
        if (change === moved[0]) {
          lines.push(
            moved.length === 1
              ? t('account.history.change.movedOne', { name: named(change.id) })
              : t('account.history.change.moved', { count: moved.length }),
          );
        }
        break;
    }
  }
  return lines.length <= MAX_SUMMARY_LINES ? lines : countLines(changes, t);
}

/** "Created 40 nodes", "Updated 3 links", … one line per kind of record and verb. */
function countLines(changes: readonly AuditChange[], t: TFunction): string[] {
  const groups: { entity: AuditChange['entity']; verb: ChangeVerb; count: number }[] = [];
  for (const change of changes) {
    const verb = verbOf(change);
    const group = groups.find((item) => item.entity === change.entity && item.verb === verb);
    if (group) group.count += 1;
    else groups.push({ entity: change.entity, verb, count: 1 });
  }
  return groups.map(({ entity, verb, count }) => {
    switch (entity) {
      case 'node':
        return t(`account.history.count.node.${verb}`, { count });
      case 'link':
        return t(`account.history.count.link.${verb}`, { count });
      case 'position':
        return t('account.history.change.moved', { count });
      case 'dismissal':
        return verb === 'deleted'
          ? t('account.history.count.restored', { count })
          : t('account.history.count.dismissed', { count });
      case 'user':
        // An account change is one change (never counted in bulk).
        return t('account.history.action.updateUser');
    }
  });
}

/**
 * Who made an entry: a user's name, the command line (no actor) or the demo seed (`seed`, see
 * graph-schema's AuditEntry), or an account that no longer exists.
 */
export function actorName(
  entry: Pick<AuditEntry, 'actor'>,
  actors: Readonly<Record<string, { name: string; email: string } | undefined>>,
  t: TFunction,
): string {
  if (entry.actor === null || entry.actor === SEED_ACTOR) return t('account.history.system');
  return actors[entry.actor]?.name ?? t('account.history.unknownUser');
}

/**
 * Whether to offer Undo: not for an entry undone already, one that replaced the whole network,
 * or an account change (the server refuses all three; it also refuses an entry later changes
 * depend on, which only it can tell, and then says so).
 */
export function undoable(entry: Pick<AuditEntry, 'undoneBy' | 'action'>): boolean {
  return (
    entry.undoneBy === null &&
    entry.action !== 'restore' &&
    !ACCOUNT_ACTIONS.includes(entry.action) &&
    !BACKUP_ACTIONS.includes(entry.action)
  );
}
