import { useId } from 'react';

export interface InvalidBlockProps {
  readonly blockKind: string;
  readonly id: string;
  readonly line: number;
  readonly message: string;
  readonly file: string;
}

/** Where a block of the lesson file could not be read: what is wrong and where, for the author. */
export function InvalidBlock({ blockKind, id, line, message, file }: InvalidBlockProps) {
  const headingId = useId();
  const name = id === '' ? blockKind : `${blockKind} “${id}”`;
  return (
    <section className="nl-invalid-block" aria-labelledby={headingId}>
      <h3 id={headingId}>This {name} block could not be shown</h3>
      <p>
        The lesson file has a problem at{' '}
        <code>
          {file}:{line}
        </code>
        :
      </p>
      <p className="nl-invalid-block__message">{message}</p>
      <p>The rest of the lesson is unaffected.</p>
    </section>
  );
}
