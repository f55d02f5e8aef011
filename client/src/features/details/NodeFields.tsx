import type { GraphNode } from '@octograph/graph-schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt className="field__label">{label}</dt>
      <dd className="field__value">{children}</dd>
    </div>
  );
}

function Tags({ items }: { items: readonly string[] }) {
  return (
    <ul className="tags">
      {items.map((item) => (
        <li key={item} className="tag">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** A web address without the scheme and trailing slash, for display. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The fields of a node that say what it is, by kind. Empty fields are left out. */
export function NodeFields({ node }: { node: GraphNode }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  const fields: ReactNode[] = [];

  switch (node.kind) {
    case 'organisation':
      fields.push(
        <Field key="status" label={t('details.status')}>
          {t(`kinds.status.${node.status}`)}
        </Field>,
      );
      if (node.website) {
        fields.push(
          <Field key="website" label={t('details.website')}>
            {/* The schema allows only http(s) addresses, so this cannot run script. */}
            <a href={node.website} target="_blank" rel="noopener noreferrer">
              {displayUrl(node.website)}
            </a>
          </Field>,
        );
      }
      if (node.founded !== null) {
        fields.push(
          <Field key="founded" label={t('details.founded')}>
            {node.founded}
          </Field>,
        );
      }
      for (const key of ['values', 'offers', 'needs'] as const) {
        if (node[key].length > 0) {
          fields.push(
            <Field key={key} label={t(`details.${key}`)}>
              <Tags items={node[key]} />
            </Field>,
          );
        }
      }
      break;
    case 'person':
      if (node.role)
        fields.push(
          <Field key="role" label={t('details.role')}>
            {node.role}
          </Field>,
        );
      if (node.email) {
        fields.push(
          <Field key="email" label={t('details.email')}>
            <a href={`mailto:${node.email.value}`}>{node.email.value}</a>
          </Field>,
        );
      }
      if (node.phone) {
        fields.push(
          <Field key="phone" label={t('details.phone')}>
            <a href={`tel:${node.phone.value.replace(/[^+0-9]/g, '')}`}>{node.phone.value}</a>
          </Field>,
        );
      }
      break;
    case 'project':
      fields.push(
        <Field key="status" label={t('details.status')}>
          {t(`kinds.status.${node.status}`)}
        </Field>,
      );
      break;
    case 'meeting':
      fields.push(
        <Field key="date" label={t('details.date')}>
          {date(node.date)}
        </Field>,
      );
      if (node.venue)
        fields.push(
          <Field key="venue" label={t('details.venue')}>
            {node.venue}
          </Field>,
        );
      if (node.organiser) {
        fields.push(
          <Field key="organiser" label={t('details.organiser')}>
            {node.organiser}
          </Field>,
        );
      }
      if (node.notes) {
        fields.push(
          <Field key="notes" label={t('details.notes')}>
            <p className="prose">{node.notes}</p>
          </Field>,
        );
      }
      break;
    case 'place':
      if (node.placeType) {
        fields.push(
          <Field key="placeType" label={t('details.placeType')}>
            {t(`kinds.placeType.${node.placeType}`)}
          </Field>,
        );
      }
      break;
    case 'theme':
      break;
  }
  if (node.since) {
    fields.push(
      <Field key="since" label={t('details.since')}>
        {date(node.since)}
      </Field>,
    );
  }
  if (node.until) {
    fields.push(
      <Field key="until" label={t('details.until')}>
        {date(node.until)}
      </Field>,
    );
  }

  const description =
    node.kind === 'organisation' || node.kind === 'project' || node.kind === 'theme'
      ? node.description
      : '';

  return (
    <>
      {description && <p className="details__description prose">{description}</p>}
      {fields.length > 0 && <dl className="fields">{fields}</dl>}
    </>
  );
}
