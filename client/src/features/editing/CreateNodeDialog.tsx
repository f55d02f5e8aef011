import {
  CREATABLE_NODE_KINDS,
  linkChoices,
  NODE_FORMS,
  ORGANISATION_KINDS,
  type FieldIssue,
  type NodeKind,
} from '@octograph/graph-schema';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useSimilarNodes } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Modal } from '../../ui/Modal';
import { useSelection } from '../selection/selection-context';
import { dispatchEditor, type EditorDialog } from './editor-store';
import { useCreateNode } from './editing-mutations';
import { bodyOf, issuesByField, newNodeValues, type FormValues } from './form-values';
import { focusFirstProblem } from './focus-problem';
import { FormActions } from './FormActions';
import { FormFields } from './FormFields';
import { NodePicker } from './NodePicker';
import type { PickerNode } from './picker-choices';

type CreateDialog = Extract<EditorDialog, { type: 'create' }>;

/** Kinds the server's "did you mean" looks among. */
const SIMILAR_KINDS = ['organisation', 'person', 'project'] as const;
type SimilarKind = (typeof SIMILAR_KINDS)[number];
function similarKind(kind: NodeKind): SimilarKind | null {
  return SIMILAR_KINDS.find((candidate) => candidate === kind) ?? null;
}

/** A problem of a batch's create (`body.ops[0].node.name`) as a problem of the form's field. */
function asFormIssue(issue: FieldIssue): FieldIssue {
  return { ...issue, path: issue.path.replace(/^body\.ops\[0\]\.node\.?/, 'body.') };
}

/**
 * "New…": a node of any kind, its fields from graph-schema's NODE_FORMS, the name prefilled from
 * the search box when it came from there. Before it is added, names like it already on the map
 * are offered instead ("did you mean"). It goes where it was asked for: the clicked spot, or,
 * given a first link, beside the node it is linked to; nothing else on the map moves.
 */
export function CreateNodeDialog({ dialog }: { dialog: CreateDialog }) {
  const { t } = useTranslation();
  const id = useId();
  const { dispatch: select } = useSelection();
  const [kind, setKind] = useState<NodeKind>(dialog.kind);
  const [values, setValues] = useState<FormValues>(() => newNodeValues(dialog.kind, dialog.name));
  const [linkTo, setLinkTo] = useState<PickerNode | null>(null);
  const create = useCreateNode();
  const formRef = useRef<HTMLFormElement>(null);
  const name = values.name ?? '';
  const similarOf = similarKind(kind);
  const similar = useSimilarNodes(similarOf === null ? '' : name, similarOf ?? undefined);
  const alike = similarOf === null || name.trim() === '' ? [] : (similar.data?.items ?? []);
  const fields = NODE_FORMS[kind];
  const issues = create.error instanceof ApiError ? create.error.body.issues.map(asFormIssue) : [];
  const problems = issuesByField(fields, issues);
  const later = fields.filter((field) => field.later === true);
  const laterProblem = later.some((field) => problems.has(field.name));
  const close = () => {
    dispatchEditor({ type: 'close' });
  };
  const change = (key: string, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  const newNode = {
    kind,
    orgKind:
      kind === 'organisation'
        ? (ORGANISATION_KINDS.find((orgKind) => orgKind === values.orgKind) ?? null)
        : null,
  };
  const firstLink = linkTo === null ? null : (linkChoices(newNode, linkTo)[0] ?? null);

  const submit = () => {
    const newId = crypto.randomUUID();
    const body = { kind, id: newId, ...bodyOf(fields, values) };
    const link =
      firstLink === null || linkTo === null
        ? null
        : {
            kind: firstLink.kind,
            source: firstLink.source === linkTo ? linkTo.id : newId,
            target: firstLink.target === linkTo ? linkTo.id : newId,
          };
    create.mutate(
      { body, at: link === null ? dialog.at : null, firstLink: link },
      {
        onSuccess: (createdId) => {
          dispatchEditor({
            type: 'notice',
            message: t('editing.created', { name: name.trim() }),
            auditId: null,
          });
          close();
          select({ type: 'select', id: createdId, source: 'details' });
        },
        onError: () => {
          focusFirstProblem(formRef.current);
        },
      },
    );
  };

  const fieldProblems = create.error instanceof ApiError && create.error.body.issues.length > 0;

  return (
    <Modal title={t('editing.newTitle')} onClose={close} className="edit-dialog">
      <form
        ref={formRef}
        className="edit-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>{t('editing.kindLabel')}</label>
          <select
            id={`${id}-kind`}
            className="input"
            value={kind}
            onChange={(event) => {
              const next = CREATABLE_NODE_KINDS.find((option) => option === event.target.value);
              if (!next) return;
              setKind(next);
              setValues(newNodeValues(next, name));
              create.reset();
            }}
          >
            {CREATABLE_NODE_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.node.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <FormFields
          idPrefix={id}
          fields={fields.filter((field) => field.name === 'name')}
          values={values}
          onChange={change}
          problems={problems}
          autoFocus
        />
        {alike.length > 0 && (
          <div className="did-you-mean" role="status">
            <p>{t('editing.didYouMean')}</p>
            <ul className="chips">
              {alike.map((node) => (
                <li key={node.id}>
                  <button
                    type="button"
                    className="chip"
                    onClick={() => {
                      close();
                      select({ type: 'select', id: node.id, source: 'details' });
                    }}
                  >
                    {t('editing.useExisting', { name: node.name })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {linkTo === null ? (
          <NodePicker
            label={t('editing.firstLink')}
            accepts={(node) => linkChoices(newNode, node).length > 0}
            onPick={setLinkTo}
          />
        ) : (
          <div className="form-field">
            <p className="form-field__label">{t('editing.firstLink')}</p>
            <p className="first-link">
              {firstLink === null
                ? t('editing.link.none', {
                    source: t(`kinds.node.${kind}`),
                    target: t(`kinds.node.${linkTo.kind}`),
                  })
                : t('editing.link.sentence', {
                    source: firstLink.source === linkTo ? linkTo.name : name || '…',
                    verb: t(`meetings.links.verb.${firstLink.kind}`),
                    target: firstLink.target === linkTo ? linkTo.name : name || '…',
                  })}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setLinkTo(null);
                }}
              >
                {t('editing.firstLinkChange')}
              </button>
            </p>
            <p className="form-field__hint">{t('editing.firstLinkHint')}</p>
          </div>
        )}
        <FormFields
          idPrefix={id}
          fields={fields.filter((field) => field.name !== 'name' && field.later !== true)}
          values={values}
          onChange={change}
          problems={problems}
        />
        {later.length > 0 && (
          <details className="more-details" open={laterProblem}>
            <summary>{t('editing.moreDetails')}</summary>
            <FormFields
              idPrefix={id}
              fields={later}
              values={values}
              onChange={change}
              problems={problems}
            />
          </details>
        )}
        {linkTo === null && dialog.at !== null && (
          <p className="form-field__hint">{t('editing.atSpot')}</p>
        )}
        {fieldProblems && (
          <p className="form-field__problem" role="alert">
            {t('editing.fixFields')}
          </p>
        )}
        {create.error !== null && !fieldProblems && <ErrorNotice error={create.error} compact />}
        <FormActions
          pending={create.isPending}
          submitLabel={t('editing.create')}
          busyLabel={t('editing.creating')}
          onCancel={close}
        />
      </form>
    </Modal>
  );
}
