import { useId, type ReactNode } from 'react';

/**
 * A folding section of a side sheet (Filters, Insights): a heading button with an optional badge
 * and a chevron, and its body while open. Open state belongs to the caller, which may load the
 * body only when it is shown.
 */
export function SheetSection({
  title,
  badge,
  open,
  onToggle,
  bodyClassName,
  children,
}: {
  title: string;
  badge?: ReactNode;
  open: boolean;
  onToggle: () => void;
  /** Extra class for the body (its own padding). */
  bodyClassName?: string;
  children: ReactNode;
}) {
  const bodyId = useId();
  return (
    <section className="sheet__section">
      <button
        type="button"
        className="sheet__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={onToggle}
      >
        <span className="sheet__heading">{title}</span>
        {badge}
        <svg className="legend__chevron" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" />
        </svg>
      </button>
      {open && (
        <div className={bodyClassName ? `sheet__body ${bodyClassName}` : 'sheet__body'} id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
