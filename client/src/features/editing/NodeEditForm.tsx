import {
  GraphNodeSchema,
  NODE_FORMS,
  type FormField,
  type GraphNode,
} from '@octograph/graph-schema';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ApiError } from '../../api/api-error';
import { onGraphChange } from '../../api/live-updates';
import { useSession } from '../account/session';
import { FormConflict } from './ConflictPanel';
import { dispatchEditor } from './editor-store';
import { useUpdateNode } from './editing-mutations';
import { FormActions } from './FormActions';
import { FormFields } from './FormFields';
import { useVersionedForm } from './use-versioned-form';

function parseNode(value: unknown): GraphNode | null {
  const parsed = GraphNodeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Every field of a node, editable (the kind's fields from graph-schema's NODE_FORMS). Save sends
 * only what changed, with the version the form started from; a problem the server finds shows on
 * its field, and a change someone else saved meanwhile opens the choice of whose to keep.
 */
/**
 * The name of whoever else changed the node `id` while this form is open (from the change
 * stream), or null: saving then shows their version beside this one (the 409 of the editing
 * rules), so nothing is overwritten unseen.
 */
function useChangedByOthers(id: string): string | null {
  const me = useSession().data?.user?.id;
  const [name, setName] = useState<string | null>(null);
  useEffect(
    () =>
      onGraphChange((event) => {
        if (event.by && event.by.id !== me && event.nodes.includes(id)) setName(event.by.name);
      }),
    [id, me],
  );
  return name;
}

export function NodeEditForm({ node, onDone }: { node: GraphNode; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fields = NODE_FORMS[node.kind];
  const form = useVersionedForm(fields, node, parseNode);
  const update = useUpdateNode();
  const formRef = useRef<HTMLFormElement>(null);
  const labelOf = (field: FormField) => t(`fields.${field.name}` as 'fields.name');
  const changedBy = useChangedByOthers(node.id);

  const send = (patch: { fields: Record<string, unknown>; expectedVersion: string }) => {
    if (Object.keys(patch.fields).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      {
        id: node.id,
        patch: { kind: node.kind, ...patch.fields, expectedVersion: patch.expectedVersion },
      },
      form.saveCallbacks(formRef, (saved: GraphNode) => {
        dispatchEditor({
          type: 'notice',
          message: t('editing.saved', { name: saved.name }),
          auditId: null,
        });
        onDone();
      }),
    );
  };

  const error = update.error;
  const fieldError = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
  const conflictError = error instanceof ApiError && error.code === 'EDIT_CONFLICT';

  return (
    <form
      ref={formRef}
      className="edit-form"
      aria-label={t('editing.editTitle', { name: node.name })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send(form.patch());
      }}
      onKeyDown={(event) => {
        // Escape leaves the form (and not, as well, the selection behind it).
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <FormFields
        idPrefix={id}
        fields={fields}
        values={form.values}
        onChange={form.change}
        problems={form.problems}
        autoFocus
      />
      {changedBy !== null && (
        <p className="edit-form__changed" role="status">
          {t('editing.changedBy', { name: changedBy })}
        </p>
      )}
      <FormConflict
        form={form}
        labelOf={labelOf}
        busy={update.isPending}
        save={send}
        dropError={update.reset}
      />
      {fieldError && (
        <p className="form-field__problem" role="alert">
          {t('editing.fixFields')}
        </p>
      )}
      {error !== null && !fieldError && !conflictError && <ErrorNotice error={error} compact />}
      <FormActions
        pending={update.isPending}
        submitLabel={t('editing.save')}
        busyLabel={t('editing.saving')}
        onCancel={onDone}
      />
    </form>
  );
}
