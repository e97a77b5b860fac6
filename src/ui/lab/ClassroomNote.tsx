import { CLASSROOM_CONTROLS, hiddenCount } from './classroomControls';
import { showAllControls, useLabView } from './labView';

/** On a classroom link's page: how many controls it hides, and the way to show them all. */
export function ClassroomNote() {
  const shown = useLabView((s) => s.shown);
  const hidden = hiddenCount(shown);
  if (hidden === 0) return null;
  const total = CLASSROOM_CONTROLS.length;
  return (
    <div className="nl-classroom-note" role="note" aria-label="Classroom link">
      <p>
        {`This classroom link shows ${total - hidden} of the Lab's ${total} controls; ${hidden} more are hidden to keep the page on this class's question.`}
      </p>
      <button type="button" className="nl-button" onClick={showAllControls}>
        Show all controls
      </button>
    </div>
  );
}
