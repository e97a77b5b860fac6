import { useId, type ReactNode } from 'react';

/** A lesson block's frame: a section named by its heading, which says the block's kind and title. */
export function BlockSection({
  kind,
  title,
  className,
  children,
}: {
  /** What the block is, shown before its title: 'Checkpoint', 'Practice'. */
  readonly kind: string;
  readonly title: string;
  /** The block's own classes, after `nl-block`. */
  readonly className: string;
  readonly children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`nl-block ${className}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="nl-block__kind">{kind}</span> {title}
      </h3>
      {children}
    </section>
  );
}
