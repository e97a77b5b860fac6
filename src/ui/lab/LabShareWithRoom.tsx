import { useAppStore } from '../../store/appStore';
import { ShareWithRoom } from '../share/ShareWithRoom';
import { useControlShown } from './labView';
import { labRoomHash } from './useLabUrlSync';

const roomHash = (): string => labRoomHash(useAppStore.getState().runs.map((r) => r.settings));

/** The Lab's "Share with the room": the runs, their settings and the view, for the students' phones. */
export function LabShareWithRoom() {
  const shown = useControlShown('share');
  if (!shown) return null;
  return (
    <ShareWithRoom
      hash={roomHash}
      what="these runs and settings"
      className="nl-button nl-button--quiet"
    />
  );
}
