import { useEffect, useState } from 'react';

/** Puts the whole page on the full screen (the projector), and back. Absent where unsupported. */
export function FullScreenButton() {
  const [full, setFull] = useState(() => document.fullscreenElement != null);
  useEffect(() => {
    const onChange = (): void => setFull(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = (): void => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // Refused (not from a click, or by a policy): the page simply stays as it is.
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <button type="button" className="nl-button" onClick={toggle} aria-pressed={full}>
      Full screen
    </button>
  );
}
