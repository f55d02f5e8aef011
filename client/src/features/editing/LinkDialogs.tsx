import {
  linkChoices,
  linkFormFor,
  LinkSchema,
  orgKindOf,
  today,
  type FormField,
  type EndpointNode,
  type GraphNode,
  type Link,
  type LinkChoice,
  type LinkKind,
} from '@octograph/graph-schema';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useLink, useNode } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Modal } from '../../ui/Modal';
import { FormConflict } from './ConflictPanel';
import { dispatchEditor } from './editor-store';
import {
  useChangeLinkKind,
  useCreateLink,
  useDeleteLink,
  useUpdateLink,
} from './editing-mutations';
import { bodyOf, issuesByField, type FormValues } from './form-values';
import { FormActions } from './FormActions';
import { FormFields } from './FormFields';
import { NodePicker } from './NodePicker';
import { useVersionedForm } from './use-versioned-form';

/** The link form's labels: a link's dates are "Since" and "Until", not a node's. */
function useLinkLabel() {
  const { t } = useTranslation();
  return (field: FormField) =>
    field.name === 'since'
      ? t('fields.linkSince')
      : field.name === 'until'
        ? t('fields.linkUntil')
        : t(`fields.${field.name}` as 'fields.name');
}

/** "A works with B". */
function useLinkSentence() {
  const { t } = useTranslation();
  return (kind: LinkKind, source: string, target: string) =>
    t('editing.link.sentence', { source, verb: t(`meetings.links.verb.${kind}`), target });
}

const NEW_LINK_VALUES: FormValues = { strength: '2', since: today() };

function endpointOf(node: GraphNode) {
  return { id: node.id, name: node.name, kind: node.kind, orgKind: orgKindOf(node) };
}

/**
 * The kinds of link two nodes may have, as sentences ("A works with B") to choose one of; the
 * first takes the focus when asked.
 */
function LinkKindChoice({
  name,
  choices,
  kind,
  onChange,
  autoFocus = false,
}: {
  name: string;
  choices: readonly LinkChoice<EndpointNode & { name: string }>[];
  kind: LinkKind;
  onChange: (kind: LinkKind) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const sentence = useLinkSentence();
  return (
    <fieldset className="link-kinds">
      <legend>{t('editing.link.kind')}</legend>
      {choices.map((option, index) => (
        <label key={option.kind} className="link-kinds__option">
          <input
            type="radio"
            name={name}
            value={option.kind}
            checked={option.kind === kind}
            autoFocus={autoFocus && index === 0}
            data-autofocus={autoFocus && index === 0 ? '' : undefined}
            onChange={() => {
              onChange(option.kind);
            }}
          />
          {sentence(option.kind, option.source.name, option.target.name)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A new link from `sourceId`: first who or what to (a type-ahead picker, when it was not drawn),
 * then its kind — only the kinds the link rules allow between the two, the most likely first —
 * and its fields.
 */
export function NewLinkDialog({
  sourceId,
  targetId,
}: {
  sourceId: string;
  targetId: string | null;
}) {
  const { t } = useTranslation();
  const source = useNode(sourceId).data;
  const [chosenTarget, setChosenTarget] = useState<string | null>(targetId);
  const target = useNode(chosenTarget).data;
  const close = () => {
    dispatchEditor({ type: 'close' });
  };
  const title =
    source === undefined
      ? t('editing.link.linkTo')
      : target === undefined
        ? t('editing.link.linkToTitle', { name: source.name })
        : t('editing.link.title', { source: source.name, target: target.name });

  return (
    <Modal title={title} onClose={close} className="edit-dialog">
      {source !== undefined && chosenTarget === null && (
        <NodePicker
          label={t('editing.link.pickTarget')}
          autoFocus
          exclude={[source.id]}
          accepts={(node) => linkChoices(endpointOf(source), node).length > 0}
          onPick={(node) => {
            setChosenTarget(node.id);
          }}
        />
      )}
      {source !== undefined && target !== undefined && (
        <NewLinkForm source={source} target={target} onDone={close} />
      )}
    </Modal>
  );
}

function NewLinkForm({
  source,
  target,
  onDone,
}: {
  source: GraphNode;
  target: GraphNode;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const labelOf = useLinkLabel();
  const choices = linkChoices(endpointOf(source), endpointOf(target));
  const [kind, setKind] = useState<LinkKind | null>(choices[0]?.kind ?? null);
  const [values, setValues] = useState<FormValues>(NEW_LINK_VALUES);
  const create = useCreateLink();
  const choice = choices.find((candidate) => candidate.kind === kind) ?? null;

  if (choice === null) {
    return (
      <p className="muted">
        {t('editing.link.none', {
          source: t(`kinds.node.${source.kind}`),
          target: t(`kinds.node.${target.kind}`),
        })}
      </p>
    );
  }
  const fields = linkFormFor(choice.kind);
  const issues = create.error instanceof ApiError ? create.error.body.issues : [];
  const problems = issuesByField(fields, issues);

  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            kind: choice.kind,
            source: choice.source.id,
            target: choice.target.id,
            ...bodyOf(fields, values),
          },
          {
            onSuccess: () => {
              dispatchEditor({
                type: 'notice',
                message: t('editing.link.created', {
                  source: choice.source.name,
                  target: choice.target.name,
                }),
                auditId: null,
              });
              onDone();
            },
          },
        );
      }}
    >
      <LinkKindChoice
        name={`${id}-kind`}
        choices={choices}
        kind={choice.kind}
        onChange={setKind}
        autoFocus
      />
      <FormFields
        idPrefix={id}
        fields={fields}
        values={values}
        onChange={(key, value) => {
          setValues((current) => ({ ...current, [key]: value }));
        }}
        problems={problems}
        labelOf={labelOf}
      />
      {create.error !== null && problems.size === 0 && <ErrorNotice error={create.error} compact />}
      <FormActions
        pending={create.isPending}
        submitLabel={t('editing.link.create')}
        busyLabel={t('editing.link.creating')}
        onCancel={onDone}
      />
    </form>
  );
}

function parseLink(value: unknown): Link | null {
  const parsed = LinkSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A stored link: its fields to edit (with the same no-lost-update guard as a node), or delete. */
export function EditLinkDialog({ linkId }: { linkId: string }) {
  const { t } = useTranslation();
  const link = useLink(linkId);
  const close = () => {
    dispatchEditor({ type: 'close' });
  };
  return (
    <Modal title={t('editing.link.editTitle')} onClose={close} className="edit-dialog">
      {link.isError && <ErrorNotice error={link.error} compact />}
      {link.data !== undefined && <EditLinkForm link={link.data} onDone={close} />}
    </Modal>
  );
}

function EditLinkForm({ link, onDone }: { link: Link; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const labelOf = useLinkLabel();
  const sentenceOf = useLinkSentence();
  const fields = linkFormFor(link.kind);
  const form = useVersionedForm(fields, link, parseLink);
  const update = useUpdateLink();
  const remove = useDeleteLink();
  const formRef = useRef<HTMLFormElement>(null);
  const sourceNode = useNode(link.source).data;
  const targetNode = useNode(link.target).data;
  const source = sourceNode?.name ?? link.source;
  const target = targetNode?.name ?? link.target;
  const sentence = sentenceOf(link.kind, source, target);
  const changeKind = useChangeLinkKind();
  const [kind, setKind] = useState<LinkKind>(link.kind);
  // The kinds the two ends may have (the stored one among them), for changing a link's kind.
  const choices =
    sourceNode && targetNode ? linkChoices(endpointOf(sourceNode), endpointOf(targetNode)) : [];
  const newChoice = kind === link.kind ? null : choices.find((choice) => choice.kind === kind);

  /** Saves the link under its new kind: the same ends and fields, in one batch. */
  const sendNewKind = (choice: (typeof choices)[number]) => {
    changeKind.mutate(
      {
        id: link.id,
        link: {
          kind: choice.kind,
          source: choice.source.id,
          target: choice.target.id,
          ...bodyOf(linkFormFor(choice.kind), form.values),
        },
      },
      {
        onSuccess: () => {
          dispatchEditor({
            type: 'notice',
            message: t('editing.saved', {
              name: sentenceOf(choice.kind, choice.source.name, choice.target.name),
            }),
            auditId: null,
          });
          onDone();
        },
      },
    );
  };

  const send = (patch: { fields: Record<string, unknown>; expectedVersion: string }) => {
    if (Object.keys(patch.fields).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { id: link.id, patch: { ...patch.fields, expectedVersion: patch.expectedVersion } },
      form.saveCallbacks(formRef, () => {
        dispatchEditor({
          type: 'notice',
          message: t('editing.saved', { name: sentence }),
          auditId: null,
        });
        onDone();
      }),
    );
  };
  const error = update.error;
  const quiet =
    error instanceof ApiError &&
    (error.code === 'EDIT_CONFLICT' || error.code === 'VALIDATION_FAILED');

  return (
    <form
      ref={formRef}
      className="edit-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (newChoice) sendNewKind(newChoice);
        else send(form.patch());
      }}
    >
      <p className="edit-form__sentence">{sentence}</p>
      {choices.length > 1 && (
        <LinkKindChoice name={`${id}-kind`} choices={choices} kind={kind} onChange={setKind} />
      )}
      <FormFields
        idPrefix={id}
        fields={kind === link.kind ? fields : linkFormFor(kind)}
        values={form.values}
        onChange={form.change}
        problems={form.problems}
        labelOf={labelOf}
        autoFocus
      />
      <FormConflict
        form={form}
        labelOf={labelOf}
        busy={update.isPending}
        save={send}
        dropError={update.reset}
      />
      {error !== null && !quiet && <ErrorNotice error={error} compact />}
      {remove.error !== null && <ErrorNotice error={remove.error} compact />}
      {changeKind.error !== null && <ErrorNotice error={changeKind.error} compact />}
      <FormActions
        pending={update.isPending || changeKind.isPending}
        submitLabel={t('editing.save')}
        busyLabel={t('editing.saving')}
        onCancel={onDone}
      >
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => {
            if (!window.confirm(t('editing.link.deleteConfirm', { sentence }))) return;
            remove.mutate(link.id, {
              onSuccess: (deleted) => {
                dispatchEditor({
                  type: 'notice',
                  message: t('editing.link.deleted', { sentence }),
                  auditId: deleted.auditId,
                });
                onDone();
              },
            });
          }}
        >
          {t('editing.link.delete')}
        </button>
      </FormActions>
    </form>
  );
}
