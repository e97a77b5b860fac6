import { useState } from 'react';
import type { ClaimStatus } from './claimStatus';

/**
 * What the runs show about the lesson's claim, announced politely. The "shown" message keeps the
 * measurement from the moment the effect first held, so a screen reader hears it once, not at every
 * snapshot while a detail like "after 412 steps" keeps counting.
 */
export function ClaimStatusBox({ status }: { readonly status: ClaimStatus }) {
  const [shownDetail, setShownDetail] = useState<string | undefined>(undefined);
  // Adjusting state while rendering (React's pattern for state derived from a change of props).
  if (status.state === 'shown' && shownDetail === undefined) setShownDetail(status.detail);
  if (status.state !== 'shown' && shownDetail !== undefined) setShownDetail(undefined);

  let text: string;
  switch (status.state) {
    case 'waiting':
      text = 'Run the experiment to see whether the effect shows in your own runs.';
      break;
    case 'watching':
      text = `Watching for the effect: ${status.detail}.`;
      break;
    case 'provisional':
      text = `The effect is showing; finishing the runs to be sure (${status.detail}).`;
      break;
    case 'shown':
      text = `Effect shown: ${shownDetail ?? status.detail}.`;
      break;
    case 'notShown':
      text = `The effect did not show this time: ${status.detail}. Check the settings and run again.`;
      break;
  }
  return (
    <div className={`nl-claim nl-claim--${status.state}`} role="status">
      <p>{text}</p>
    </div>
  );
}
