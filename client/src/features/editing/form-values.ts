/**
 * The editing forms as pure state: a form holds one string per field (a contact detail two: its
 * value and `<name>.visibility`), made from a stored node or link, turned back into the body the
 * API takes, compared with what someone else saved meanwhile, and matched with the server's
 * field issues. The fields come from graph-schema's NODE_FORMS / LINK_FORM, so no kind has a
 * hand-written form.
 */
import {
  NODE_FORMS,
  today,
  type FieldIssue,
  type FormField,
  type GraphNode,
  type Link,
  type NodeKind,
} from '@octograph/graph-schema';

/** A form's values, by field name. */
export type FormValues = Readonly<Record<string, string>>;

/** The key of a contact detail's visibility in FormValues. */
export function visibilityKey(name: string): string {
  return `${name}.visibility`;
}

/** What a new node of a kind starts with, when the form has no stored value for a field. */
const NEW_NODE_DEFAULTS: Readonly<Partial<Record<string, string>>> = {
  orgKind: 'community_group',
  status: 'active',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One field's stored value as the form shows it. */
function fieldText(field: FormField, value: unknown): Record<string, string> {
  const { name, widget } = field;
  switch (widget.type) {
    case 'tags':
      return { [name]: Array.isArray(value) ? value.map(String).join(', ') : '' };
    case 'contact':
      return {
        [name]: isRecord(value) && typeof value.value === 'string' ? value.value : '',
        [visibilityKey(name)]:
          isRecord(value) && typeof value.visibility === 'string' ? value.visibility : 'private',
      };
    default:
      return {
        [name]: typeof value === 'string' || typeof value === 'number' ? String(value) : '',
      };
  }
}

/** The values of a form of `fields` for a stored object (a node or a link). */
export function valuesOf(fields: readonly FormField[], stored: object): FormValues {
  const record = stored as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of fields) Object.assign(values, fieldText(field, record[field.name]));
  return values;
}

/** The values of the form of a new node of `kind`, its name filled in. */
export function newNodeValues(kind: NodeKind, name: string): FormValues {
  const fields = NODE_FORMS[kind];
  const values: Record<string, string> = {};
  for (const field of fields) {
    Object.assign(values, fieldText(field, undefined));
    const { widget } = field;
    if (widget.type === 'choice' && !widget.nullable) {
      values[field.name] = NEW_NODE_DEFAULTS[field.name] ?? widget.options[0] ?? '';
    }
    if (widget.type === 'date' && !widget.nullable) values[field.name] = today();
  }
  values.name = name;
  return values;
}

/**
 * One field's value as the API takes it. Nothing is checked here: the server's answer names
 * every bad field, and the form shows it there.
 */
function fieldValue(field: FormField, values: FormValues): unknown {
  const raw = values[field.name] ?? '';
  const trimmed = raw.trim();
  const { widget } = field;
  switch (widget.type) {
    case 'line':
      return trimmed === '' && widget.nullable ? null : trimmed;
    case 'text':
      return raw;
    case 'url':
      return trimmed === '' ? null : trimmed;
    case 'date':
      return trimmed === '' && widget.nullable ? null : trimmed;
    case 'year':
    case 'strength':
      // A number when it is one; otherwise what was typed, for the server to name the problem.
      return trimmed === '' ? null : /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    case 'choice':
    case 'meeting':
      return trimmed === '' ? null : trimmed;
    case 'tags':
      return raw
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '');
    case 'contact':
      return trimmed === ''
        ? null
        : { value: trimmed, visibility: values[visibilityKey(field.name)] ?? 'private' };
  }
}

/** Every field of the form as the API takes it (a create body, less its kind). */
export function bodyOf(fields: readonly FormField[], values: FormValues): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, fieldValue(field, values)]));
}

/** Whether a field reads differently in two sets of values (a contact: value or visibility). */
function differs(field: FormField, a: FormValues, b: FormValues): boolean {
  const keys =
    field.widget.type === 'contact' ? [field.name, visibilityKey(field.name)] : [field.name];
  return keys.some((key) => (a[key] ?? '').trim() !== (b[key] ?? '').trim());
}

/** The fields whose values differ between `before` and `after`, in form order. */
export function changedFields(
  fields: readonly FormField[],
  before: FormValues,
  after: FormValues,
): FormField[] {
  return fields.filter((field) => differs(field, before, after));
}

/** Only the changed fields, as a PATCH body takes them. */
export function patchOf(
  fields: readonly FormField[],
  before: FormValues,
  after: FormValues,
): Record<string, unknown> {
  return bodyOf(changedFields(fields, before, after), after);
}

/**
 * The server's field issues by form field: `body.email.value` is the `email` field's,
 * `body.values[2]` the `values` field's. Issues that name no field of the form are kept under ''.
 */
export function issuesByField(
  fields: readonly FormField[],
  issues: readonly FieldIssue[],
): Map<string, string[]> {
  const names = new Set(fields.map((field) => field.name));
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '');
    const head = /^[^.[]*/.exec(path)?.[0] ?? '';
    const key = names.has(head) ? head : '';
    byField.set(key, [...(byField.get(key) ?? []), issue.message]);
  }
  return byField;
}

/**
 * What a conflict means for the form: the fields someone else changed since the form was opened
 * (`base` → `theirs`), and which of those the editor changed too (`base` → `mine`).
 */
export interface Conflict {
  /** Changed by the other person, in form order. */
  theirs: FormField[];
  /** Of those, the ones the editor also changed: saving "mine" overwrites these. */
  both: FormField[];
}

export function conflictOf(
  fields: readonly FormField[],
  base: FormValues,
  mine: FormValues,
  theirs: FormValues,
): Conflict {
  const changedByThem = changedFields(fields, base, theirs);
  return {
    theirs: changedByThem,
    both: changedByThem.filter((field) => differs(field, base, mine)),
  };
}

/**
 * The values to carry on with after choosing "keep mine": theirs, with the editor's own changes
 * on top. Saving them against their version overwrites only what the editor changed.
 */
export function keepMine(
  fields: readonly FormField[],
  base: FormValues,
  mine: FormValues,
  theirs: FormValues,
): FormValues {
  const merged: Record<string, string> = { ...theirs };
  for (const field of changedFields(fields, base, mine)) {
    merged[field.name] = mine[field.name] ?? '';
    const key = visibilityKey(field.name);
    if (field.widget.type === 'contact') merged[key] = mine[key] ?? 'private';
  }
  return merged;
}

/** The stored thing a form edits: a node or a link, whose `updatedAt` is its version. */
export type Versioned = GraphNode | Link;
