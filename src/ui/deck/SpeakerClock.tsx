import { useEffect, useState } from 'react';

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Elapsed time as 'm:ss', or 'h:mm:ss' past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0
    ? `${hours}:${twoDigits(minutes)}:${twoDigits(seconds)}`
    : `${minutes}:${twoDigits(seconds)}`;
}

/** The time of day and the time since the talk started, ticking each second; the timer restarts. */
export function SpeakerClock() {
  const [now, setNow] = useState(() => Date.now());
  const [startedAt, setStartedAt] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const time = new Date(now);
  return (
    <div className="nl-speaker-clock" role="group" aria-label="Clock">
      <p>
        <span className="nl-speaker-clock__label">Time</span>{' '}
        <time className="nl-speaker-clock__value">
          {twoDigits(time.getHours())}:{twoDigits(time.getMinutes())}
        </time>
      </p>
      <p>
        <span className="nl-speaker-clock__label">Elapsed</span>{' '}
        <span className="nl-speaker-clock__value">{formatElapsed(now - startedAt)}</span>
      </p>
      <button
        type="button"
        className="nl-button nl-button--quiet"
        onClick={() => {
          const at = Date.now();
          setStartedAt(at);
          setNow(at);
        }}
      >
        Restart the timer
      </button>
    </div>
  );
}
