import { useId } from 'react';
import type { Claim } from '../../lessons/claims';
import { watchFor } from '../../lessons/watchFor';

/**
 * What the experiment's claim asks of the runs, listed beside the runs' progress until the effect
 * has shown: a learner waiting for the runs knows which numbers and charts to keep an eye on.
 */
export function WatchFor({ claim }: { readonly claim: Claim }) {
  const headingId = useId();
  const conditions = watchFor(claim);
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
