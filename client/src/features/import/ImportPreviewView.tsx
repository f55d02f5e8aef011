import {
  IMPORT_ACTIONS,
  LINK_KINDS,
  type ImportLine,
  type ImportPreview,
  type ImportProblem,
  type LinkKind,
} from '@octograph/graph-schema';
import { useTranslation } from 'react-i18next';
import { placeLabel, previewTable, problemCounts, type PreviewRow } from './import-state';
import { importProblemText } from '../../i18n/server-words';

const isLinkKind = (type: string): type is LinkKind =>
  (LINK_KINDS as readonly string[]).includes(type);

/** "Row 5" / "Item 5" over "file.xlsx · Elements": where a row of the table comes from. */
function Place({ place }: { place: Parameters<typeof placeLabel>[0] }) {
  const { t } = useTranslation();
  const label = placeLabel(place);
  return (
    <>
      {label.unit !== null && label.row !== null && (
        <span className="import-place__row">
          {t(label.unit === 'row' ? 'import.row' : 'import.item', { row: label.row })}
        </span>
      )}
      <span className="import-place__source">{label.source}</span>
    </>
  );
}

/** One problem: its severity in words (not only in colour), its column, the server's message. */
function Problem({ problem, withPlace }: { problem: ImportProblem; withPlace: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`import-badge import-badge--${problem.severity}`}>
        {t(`import.severity.${problem.severity}`)}
      </span>{' '}
      {withPlace && (
        <span className="import-problem__place">
          {problem.sheet === null ? problem.file : `${problem.file} · ${problem.sheet}`}
          {' · '}
        </span>
      )}
      {problem.column !== null && (
        <span className="import-problem__column">
          {t('import.column', { column: problem.column })}{' '}
        </span>
      )}
      <span>{importProblemText(problem.message, t)}</span>
    </>
  );
}

function LineCells({ line }: { line: ImportLine }) {
  const { t } = useTranslation();
  const type =
    line.what === 'link' && isLinkKind(line.type) ? t(`kinds.link.${line.type}`) : line.type;
  return (
    <>
      <td className={`import-action import-action--${line.action}`}>
        {t(`import.action.${line.action}`)}
      </td>
      <td>
        <span className="import-line__label">{line.label}</span>
        <span className="import-line__type">
          {type === ''
            ? t(`import.what.${line.what}`)
            : `${t(`import.what.${line.what}`)} · ${type}`}
        </span>
      </td>
    </>
  );
}

/** A place's lines, each problem found there right under them, in one row group. */
function RowGroup({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  const span = Math.max(1, row.lines.length);
  const place = (
    <th scope="rowgroup" rowSpan={span} className="import-place">
      <Place place={row} />
    </th>
  );
  return (
    <tbody
      className={row.severity === null ? 'import-rows' : `import-rows import-rows--${row.severity}`}
    >
      {row.lines.length === 0 ? (
        <tr>
          {place}
          <td className="import-action">—</td>
          <td className="muted">{t('import.noLine')}</td>
        </tr>
      ) : (
        row.lines.map((line, index) => (
          <tr key={`${line.what}:${line.id}`}>
            {index === 0 && place}
            <LineCells line={line} />
          </tr>
        ))
      )}
      {row.problems.map((problem, index) => (
        <tr key={index} className={`import-problem import-problem--${problem.severity}`}>
          <td colSpan={3}>
            <Problem problem={problem} withPlace={false} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * The dry run: how many nodes and links would be created, updated, left unchanged or skipped;
 * problems about whole files; and the files' rows, those with problems first, each problem on
 * its row (errors and warnings styled apart and named in words).
 */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const table = previewTable(preview);
  const counts = problemCounts(preview.problems);
  return (
    <div className="import-preview">
      <table className="import-counts">
        <caption>{t('import.countsCaption')}</caption>
        <thead>
          <tr>
            <td />
            {IMPORT_ACTIONS.map((action) => (
              <th key={action} scope="col">
                {t(`import.action.${action}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['nodes', 'links'] as const).map((what) => (
            <tr key={what}>
              <th scope="row">{t(`import.countsRow.${what}`)}</th>
              {IMPORT_ACTIONS.map((action) => (
                <td key={action} className={preview[what][action] === 0 ? 'muted' : undefined}>
                  {t('import.count', { value: preview[what][action] })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      {(counts.error > 0 || counts.warning > 0) && (
        <p className="import-preview__problems">
          {counts.error > 0 && (
            <span className="import-badge import-badge--error">
              {t('import.errors', { count: counts.error })}
            </span>
          )}{' '}
          {counts.warning > 0 && (
            <span className="import-badge import-badge--warning">
              {t('import.warnings', { count: counts.warning })}
            </span>
          )}
        </p>
      )}

      {table.general.length > 0 && (
        <section className="import-general" aria-label={t('import.general')}>
          <h3 className="import-preview__heading">{t('import.general')}</h3>
          <ul>
            {table.general.map((problem, index) => (
              <li key={index} className={`import-problem import-problem--${problem.severity}`}>
                <Problem problem={problem} withPlace />
              </li>
            ))}
          </ul>
        </section>
      )}

      {table.rows.length > 0 && (
        <div className="import-table__scroll">
          <table className="import-table">
            <caption>{t('import.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.columnHead.where')}</th>
                <th scope="col">{t('import.columnHead.action')}</th>
                <th scope="col">{t('import.columnHead.name')}</th>
              </tr>
            </thead>
            {table.rows.map((row) => (
              <RowGroup key={row.key} row={row} />
            ))}
          </table>
        </div>
      )}
      {table.hiddenLines > 0 && (
        <p className="muted import-preview__more">
          {t('import.moreLines', { count: table.hiddenLines })}
        </p>
      )}
    </div>
  );
}
