import { evaluateCheckpoint, peekingScope } from '../../lessons/progress/checkpoints';
import { blockKey } from '../../lessons/progress/keys';
import { answeredWithoutPeeking } from '../../lessons/progress/quizProgress';
import type { Checkpoint } from '../../lessons/schema';
import { useAppStore } from '../../store/appStore';
import { selectProgress, selectRetakeQuizzes } from '../../store/progressSlice';
import { lessonHref } from '../routing';
import { formatDate } from './formatDate';
import { useLessonContext } from './LessonContext';
import { Prose } from './Prose';
import { BlockSection } from './BlockSection';

export interface CheckpointBlockProps {
  readonly id: string;
  readonly checkpoint: Checkpoint;
}

/** A checkpoint: earned only by what the learner did, and saying what that was or what is missing. */
export function CheckpointBlock({ id, checkpoint }: CheckpointBlockProps) {
  const { track, lesson } = useLessonContext();
  const progress = useAppStore(selectProgress);
  const retakeQuizzes = useAppStore(selectRetakeQuizzes);
  const record = progress.checkpoints[blockKey(lesson.meta.id, id)];
  const verdict = record ? undefined : evaluateCheckpoint(lesson, checkpoint, progress, track);
  const by = checkpoint.earnedBy;
  const peeked =
    !record && 'quizzesWithoutPeeking' in by
      ? peekingScope(by.quizzesWithoutPeeking, track, lesson).keys.filter(
          (k) => progress.quizzes[k] !== undefined && !answeredWithoutPeeking(progress.quizzes[k]),
        )
      : [];

  return (
    <BlockSection
      kind="Checkpoint"
      title={checkpoint.title}
      className={`nl-checkpoint ${record ? 'nl-checkpoint--earned' : ''}`}
    >
      <Prose text={checkpoint.description} />
      <div role="status" className="nl-checkpoint__status">
        {record ? (
          <p>
            <strong>Earned on {formatDate(record.at)}.</strong> {record.detail}
          </p>
        ) : (
          <p>
            <strong>Not earned yet.</strong> {verdict?.reason}
          </p>
        )}
      </div>
      {peeked.length > 0 ? (
        <div className="nl-checkpoint__retake">
          <p>
            {peeked.length} question{peeked.length === 1 ? ' was' : 's were'} answered after a wrong
            try or a revealed answer. You can take {peeked.length === 1 ? 'it' : 'them'} again from
            scratch: {peeked.length === 1 ? 'its' : 'their'} answers are cleared, and a right first
            answer without revealing counts.
          </p>
          <p>
            They are in:{' '}
            {track.lessons
              .filter((l) => peeked.some((k) => k.startsWith(`${l.meta.id}/`)))
              .map((l, i) => (
                <span key={l.meta.id}>
                  {i > 0 ? ', ' : ''}
                  <a href={lessonHref(l.meta.id)}>{l.meta.title}</a>
                </span>
              ))}
            .
          </p>
          <button type="button" className="nl-button" onClick={() => retakeQuizzes(peeked)}>
            Retake {peeked.length === 1 ? 'this question' : `these ${peeked.length} questions`}
          </button>
        </div>
      ) : null}
    </BlockSection>
  );
}
