import { memo, type ReactNode } from 'react';
import type { Segment } from '../../lessons/parseLesson';
import { blockKey } from '../../lessons/progress/keys';
import { WidgetView } from '../widgets/WidgetView';
import { BlockErrorBoundary } from './BlockErrorBoundary';
import { CheckpointBlock } from './CheckpointBlock';
import { ExperimentBlock } from './ExperimentBlock';
import { InvalidBlock } from './InvalidBlock';
import { useLessonContext } from './LessonContext';
import { MysteryBlock } from './MysteryBlock';
import { PracticeBlock } from './PracticeBlock';
import { Prose } from './Prose';
import { QuizQuestion } from './QuizQuestion';
import type { Revealed } from './useRevealedSegments';

function describe(segment: Segment): string {
  switch (segment.kind) {
    case 'markdown':
      return `the text from line ${segment.line}`;
    case 'invalid':
      return `the ${segment.blockKind} block on line ${segment.line}`;
    case 'experiment':
      return `the experiment “${segment.data.title}”`;
    case 'widget':
      return `the widget “${segment.data.title}”`;
    case 'quiz':
      return 'a quiz question';
    case 'checkpoint':
      return `the checkpoint “${segment.data.title}”`;
    case 'practice':
      return `the practice exercise “${segment.data.title}”`;
    case 'prediction':
      return `the prediction before the experiment '${segment.data.experiment}'`;
  }
}

function SegmentView({
  segment,
  parts,
}: {
  readonly segment: Segment;
  readonly parts: number | undefined;
}): ReactNode {
  const { lesson } = useLessonContext();
  const lessonId = lesson.meta.id;
  switch (segment.kind) {
    case 'markdown':
      return <Prose text={segment.text} parts={parts} />;
    case 'invalid':
      return (
        <InvalidBlock
          blockKind={segment.blockKind}
          id={segment.id}
          line={segment.line}
          message={segment.message}
          file={lesson.file}
        />
      );
    case 'experiment': {
      // A mystery network's experiment is never shown in the lesson: it opens in the Lab, settings hidden.
      if (
        lesson.segments.some(
          (s) =>
            s.kind === 'practice' && s.data.hidden.length > 0 && s.data.experiment === segment.id,
        )
      )
        return null;
      const prediction = lesson.segments.find(
        (s) => s.kind === 'prediction' && s.data.experiment === segment.id,
      );
      return (
        <ExperimentBlock
          lessonId={lessonId}
          id={segment.id}
          experiment={segment.data}
          prediction={prediction?.kind === 'prediction' ? prediction : undefined}
        />
      );
    }
    case 'prediction':
      // Shown at the top of its experiment, where the learner commits to it before running.
      return null;
    case 'widget':
      return <WidgetView widget={segment.data} />;
    case 'quiz':
      return <QuizQuestion quiz={segment.data} progressKey={blockKey(lessonId, segment.id)} />;
    case 'checkpoint':
      return <CheckpointBlock id={segment.id} checkpoint={segment.data} />;
    case 'practice': {
      const target = lesson.segments.find(
        (s) => s.kind === 'experiment' && s.id === segment.data.experiment,
      );
      if (target?.kind !== 'experiment') {
        throw new Error(`its experiment '${segment.data.experiment}' is missing from this lesson`);
      }
      // A practice with hidden settings is a mystery network: the learner diagnoses it instead.
      const Block = segment.data.hidden.length > 0 ? MysteryBlock : PracticeBlock;
      return (
        <Block
          lessonId={lessonId}
          id={segment.id}
          practice={segment.data}
          experiment={target.data}
        />
      );
    }
  }
}

/**
 * One segment, unable to take the others down with it; rendered again only when it changes. `parts`:
 * how many parts of a passage are shown yet (undefined: all).
 */
const SegmentItem = memo(function SegmentItem({
  segment,
  parts,
}: {
  readonly segment: Segment;
  readonly parts?: number | undefined;
}) {
  return (
    <BlockErrorBoundary what={describe(segment)}>
      <SegmentView segment={segment} parts={parts} />
    </BlockErrorBoundary>
  );
});

/**
 * The segments of the lesson in order, as far as `shown` says (useRevealedSegments.ts adds the rest
 * a piece at a time): the first `shown.segments`, the last of them perhaps only its first parts.
 */
export function LessonSegments({
  segments,
  shown,
}: {
  readonly segments: readonly Segment[];
  readonly shown?: Revealed;
}) {
  const count = shown?.segments ?? segments.length;
  return (
    <>
      {segments.slice(0, count).map((segment, i) => (
        <SegmentItem
          key={`${segment.line}-${i}`}
          segment={segment}
          parts={i === count - 1 ? shown?.partsOfLast : undefined}
        />
      ))}
    </>
  );
}
