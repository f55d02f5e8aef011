import type { FieldIssue, FormField } from '@octograph/graph-schema';
import { useState, type RefObject } from 'react';
import { ApiError } from '../../api/api-error';
import { focusFirstProblem } from './focus-problem';
import {
  conflictOf,
  issuesByField,
  keepMine,
  patchOf,
  valuesOf,
  type Conflict,
  type FormValues,
} from './form-values';

/** What someone else saved meanwhile: its values, its version and what it means for the form. */
export interface OpenConflict {
  theirs: FormValues;
  version: string;
  conflict: Conflict;
}

/**
 * The state of a form that edits a stored node or link without losing anyone's update: the
 * values it started from (`base`) and their version (`updatedAt`), what the editor typed, the
 * server's problems by field, and a conflict when someone else saved in between (409
 * EDIT_CONFLICT, whose body carries the stored values).
 */
export function useVersionedForm(
  fields: readonly FormField[],
  stored: { updatedAt: string },
  parseCurrent: (value: unknown) => { updatedAt: string } | null,
) {
  const [base, setBase] = useState<FormValues>(() => valuesOf(fields, stored));
  const [version, setVersion] = useState(stored.updatedAt);
  const [values, setValues] = useState<FormValues>(base);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [conflict, setConflict] = useState<OpenConflict | null>(null);

  const problems = issuesByField(fields, issues);

  /** After a save: the saved thing is the new starting point. */
  const saved = (next: { updatedAt: string }) => {
    const nextValues = valuesOf(fields, next);
    setBase(nextValues);
    setValues(nextValues);
    setVersion(next.updatedAt);
    setIssues([]);
    setConflict(null);
  };

  /** A failed save: field problems go to their fields, a conflict opens its choice. */
  const failed = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    setIssues(error.body.issues);
    if (error.code !== 'EDIT_CONFLICT') return;
    const current = parseCurrent(error.body.current);
    if (current === null) return;
    const theirs = valuesOf(fields, current);
    setConflict({
      theirs,
      version: current.updatedAt,
      conflict: conflictOf(fields, base, values, theirs),
    });
  };

  return {
    values,
    problems,
    conflict,
    change: (key: string, value: string) => {
      setValues((current) => ({ ...current, [key]: value }));
    },
    /** The fields changed, as a PATCH body takes them, and the version they start from. */
    patch: () => ({ fields: patchOf(fields, base, values), expectedVersion: version }),
    /**
     * The callbacks of a save: what was saved becomes the new start (then `onSaved`); a refusal
     * goes to the fields it names, the first of which takes the focus, or opens the conflict.
     */
    saveCallbacks: <T extends { updatedAt: string }>(
      formElement: RefObject<HTMLFormElement | null>,
      onSaved: (saved: T) => void,
    ) => ({
      onSuccess: (next: T) => {
        saved(next);
        onSaved(next);
      },
      onError: (error: unknown) => {
        failed(error);
        focusFirstProblem(formElement.current);
      },
    }),
    /** Keep my changes on top of theirs: returns the patch to send against their version. */
    keepMine: (open: OpenConflict) => {
      const merged = keepMine(fields, base, values, open.theirs);
      setBase(open.theirs);
      setValues(merged);
      setVersion(open.version);
      setConflict(null);
      return { fields: patchOf(fields, open.theirs, merged), expectedVersion: open.version };
    },
    /** Take theirs: the form shows what is stored now and my changes are dropped. */
    takeTheirs: (open: OpenConflict) => {
      setBase(open.theirs);
      setValues(open.theirs);
      setVersion(open.version);
      setIssues([]);
      setConflict(null);
    },
  };
}

/** A form of useVersionedForm (what the conflict choice and the forms share). */
export type VersionedForm = ReturnType<typeof useVersionedForm>;
