import './offline.css';

/** A quiet line in the header once the app is cached: an instructor can check it before class. */
export function OfflineStatus({ ready }: { readonly ready: boolean }) {
  return (
    <p className="nl-app-offline" role="status">
      {ready ? 'Available offline' : ''}
    </p>
  );
}
