import { useState } from 'react';
import { Modal } from '../present/Modal';
import { QrCode } from './QrCode';
import { absoluteLink, readableLink } from './roomLink';
import './share.css';

export interface ShareWithRoomProps {
  /** The hash route students should open, asked for when the screen opens (the state may change). */
  readonly hash: () => string;
  /** What the link opens, for the sentence under the code: 'these runs and settings'. */
  readonly what: string;
  readonly className?: string | undefined;
}

/**
 * "Share with the room": a button that fills the screen with a QR code of the current state and its
 * link in large type, black on white, for students to scan or type from the back of a hall.
 */
export function ShareWithRoom({ hash, what, className = 'nl-button' }: ShareWithRoomProps) {
  const [link, setLink] = useState<string | undefined>(undefined);
  return (
    <>
      <button type="button" className={className} onClick={() => setLink(absoluteLink(hash()))}>
        Share with the room
      </button>
      {link === undefined ? null : (
        <RoomScreen link={link} what={what} onClose={() => setLink(undefined)} />
      )}
    </>
  );
}

function RoomScreen({ link, what, onClose }: { link: string; what: string; onClose: () => void }) {
  const [copied, setCopied] = useState('');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied.');
    } catch {
      setCopied('Copying was blocked: select the link and copy it.');
    }
  };
  return (
    <Modal title="Share with the room" size="screen" onClose={onClose}>
      <div className="nl-room">
        <QrCode className="nl-room__code" text={link} label={`QR code of the link to ${what}`} />
        <div className="nl-room__text">
          <p className="nl-room__lead">Scan with a phone camera to open {what}, or type:</p>
          <p className="nl-room__link">
            <a href={link}>{readableLink(link)}</a>
          </p>
          <p className="nl-room__actions">
            <button type="button" className="nl-button" onClick={() => void copy()}>
              Copy link
            </button>
            <span role="status">{copied}</span>
          </p>
        </div>
      </div>
    </Modal>
  );
}
