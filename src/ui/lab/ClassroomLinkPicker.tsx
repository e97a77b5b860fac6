import { useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { selectRuns } from '../../store/selectors';
import { Modal } from '../present/Modal';
import { absoluteLink } from '../share/roomLink';
import { CLASSROOM_CONTROLS, CLASSROOM_GROUPS, type ClassroomControl } from './classroomControls';
import { CheckboxField } from './fields/CheckboxField';
import { useLabView } from './labView';
import { labClassroomHash } from './useLabUrlSync';

/**
 * "Classroom link": the instructor ticks the controls students should see (the Lab's own and every
 * setting of the registry) and copies a link to these runs that shows only those.
 */
export function ClassroomLinkPicker() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="nl-button nl-button--quiet"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Classroom link
      </button>
      {open ? <ClassroomLinkDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ClassroomLinkDialog({ onClose }: { onClose: () => void }) {
  const runs = useAppStore(selectRuns);
  const [chosen, setChosen] = useState<readonly ClassroomControl[]>(
    () => useLabView.getState().shown ?? CLASSROOM_CONTROLS,
  );
  const [status, setStatus] = useState('');
  const shown = CLASSROOM_CONTROLS.filter((c) => chosen.includes(c));
  const link = absoluteLink(
    labClassroomHash(
      runs.map((r) => r.settings),
      shown,
    ),
  );
  const toggle = (control: ClassroomControl, on: boolean): void => {
    setStatus('');
    setChosen((current) => (on ? [...current, control] : current.filter((c) => c !== control)));
  };
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(
        `Classroom link copied: it shows ${shown.length} of ${CLASSROOM_CONTROLS.length} controls.`,
      );
    } catch {
      setStatus('Copying was blocked: select the link below and copy it.');
    }
  };

  return (
    <Modal title="Classroom link" onClose={onClose}>
      <p className="nl-modal__note">
        Tick the controls students should see. The link opens these runs with only those controls; a
        note tells students that more exist, with a button that shows them all.
      </p>
      <div className="nl-button-row">
        <button type="button" className="nl-button" onClick={() => setChosen(CLASSROOM_CONTROLS)}>
          Tick all
        </button>
        <button type="button" className="nl-button" onClick={() => setChosen([])}>
          Untick all
        </button>
      </div>
      <div className="nl-classroom-picker">
        {CLASSROOM_GROUPS.map((group) => (
          <fieldset key={group.legend} className="nl-fieldset">
            <legend>{group.legend}</legend>
            {group.controls.map((control) => (
              <CheckboxField
                key={control.id}
                label={control.label}
                hint={control.hint}
                checked={chosen.includes(control.id)}
                onChange={(on) => toggle(control.id, on)}
              />
            ))}
          </fieldset>
        ))}
      </div>
      <p className="nl-classroom-picker__link">
        <a href={link}>{link}</a>
      </p>
      <div className="nl-button-row">
        <button type="button" className="nl-button nl-button--primary" onClick={() => void copy()}>
          Copy classroom link
        </button>
        <button
          type="button"
          className="nl-button"
          onClick={() => {
            useLabView.setState({ shown });
            onClose();
          }}
        >
          Show only these here
        </button>
      </div>
      <p className="nl-note" role="status">
        {status}
      </p>
    </Modal>
  );
}
