import { sceneKindName, type Scene } from '../../lessons/deck';
import { Prose } from '../lessons/Prose';
import { equationMarkdown } from './SceneBody';
import { formatCount } from '../../lab/formatNumber';

/** What a widget scene lets the presenter show, in a few words. */
const WIDGET_WHAT: Record<Extract<Scene, { kind: 'widget' }>['widget']['widget'], string> = {
  depthProbe: 'Depth probe of an untrained network: activation std and gradient norm per layer',
  lossContours: 'Gradient descent on unscaled and standardized features',
  axesCube: 'The axes each normalization reduces over',
  engineSource: 'The engine’s own source beside the formula',
  initBuilder: 'Build an initialization and see its histogram',
  depthSweep: 'How deep each configuration can go and still train',
};

function previewBody(scene: Scene) {
  switch (scene.kind) {
    case 'title':
      return <p>{scene.summary}</p>;
    case 'equation':
      return <Prose text={equationMarkdown(scene.tex)} className="nl-speaker-preview__math" />;
    case 'widget':
      return <p>{WIDGET_WHAT[scene.widget.widget]}</p>;
    case 'experiment':
      return (
        <p>
          {scene.experiment.runs.length === 1 ? 'One run' : `${scene.experiment.runs.length} runs`}{' '}
          ({scene.experiment.runs.map((r) => r.label).join(', ')}),{' '}
          {formatCount(scene.experiment.steps)} steps; starts with Space.
        </p>
      );
    case 'quiz':
      return <Prose text={scene.quiz.question} />;
  }
}

/** A scene as the speaker view lists it: what it is, its title and the gist of its content. */
export function ScenePreview({
  scene,
  number,
}: {
  readonly scene: Scene;
  readonly number: number;
}) {
  return (
    <div className="nl-speaker-preview">
      <p className="nl-speaker-preview__kind">
        {number}. {sceneKindName(scene.kind)}
        {scene.section ? ` · ${scene.section}` : ''}
      </p>
      <p className="nl-speaker-preview__title">{scene.title}</p>
      {previewBody(scene)}
    </div>
  );
}
