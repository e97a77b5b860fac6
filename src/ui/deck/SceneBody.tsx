import type { RefObject } from 'react';
import type { Deck, Scene } from '../../lessons/deck';
import { Prose } from '../lessons/Prose';
import { WidgetView } from '../widgets/WidgetView';
import { ExperimentScene, type TrainingControl, type TrainingReport } from './ExperimentScene';
import { QuizScene } from './QuizScene';

export interface SceneBodyProps {
  readonly deck: Deck;
  readonly scene: Scene;
  readonly revealed: boolean;
  readonly onReveal: () => void;
  readonly control: RefObject<TrainingControl | undefined>;
  readonly onTraining: (report: TrainingReport) => void;
}

/** A display equation as Markdown math, for the scene and the speaker's preview. */
export function equationMarkdown(tex: string): string {
  return `$$\n${tex}\n$$`;
}

/** What the audience sees of a scene, below its heading. */
export function SceneBody({
  deck,
  scene,
  revealed,
  onReveal,
  control,
  onTraining,
}: SceneBodyProps) {
  switch (scene.kind) {
    case 'title':
      return (
        <div className="nl-deck-title">
          <p className="nl-deck-title__summary">{scene.summary}</p>
          <p className="nl-deck-title__meta">
            {deck.scenes.length - 1} scenes · the lesson takes about {scene.minutes} minutes on
            one’s own
          </p>
        </div>
      );
    case 'equation':
      return <Prose text={equationMarkdown(scene.tex)} className="nl-deck-equation" />;
    case 'widget':
      return <WidgetView widget={scene.widget} />;
    case 'quiz':
      return (
        <QuizScene lessonId={deck.lessonId} scene={scene} revealed={revealed} onReveal={onReveal} />
      );
    case 'experiment':
      return <ExperimentScene scene={scene} control={control} onTraining={onTraining} />;
  }
}
