import { useId } from 'react';

/**
 * What to keep an eye on while the runs train, listed beside their progress: the conditions of the
 * experiment's claim (src/lessons/watchFor.ts `watchFor`) until the effect has shown, or, for an
 * experiment without a claim, what each of its charts shows (`watchCharts`).
 */
export function WatchFor({ conditions }: { readonly conditions: readonly string[] }) {
  const headingId = useId();
  return (
    <div className="nl-watch-for">
      <p id={headingId} className="nl-watch-for__heading">
        What to watch for
      </p>
      <ul aria-labelledby={headingId}>
        {conditions.map((text) => (
          <li key={text}>{text}.</li>
        ))}
      </ul>
    </div>
  );
}
