import type { ReactNode } from 'react';

interface CardSectionProps {
  /** Names the heading, which labels the section for screen readers. */
  id: string;
  title: string;
  /** A link or button beside the title (a new record, the full list). */
  action?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A titled card of a page, with an optional action beside its title. */
export function CardSection({ id, title, action, className, testId, children }: CardSectionProps) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={`${id}-title`} {...(testId ? { 'data-testid': testId } : {})}>
      <header className="card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {action}
      </header>
      {children}
    </section>
  );
}
