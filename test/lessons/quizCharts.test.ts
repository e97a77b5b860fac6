/**
 * A chart-reading question shows the engine's own depth probe of its network. This checks, for every
 * such question in lessons/, that the chart really shows what the block says it shows (and so what
 * the correct answer names), by measuring the same seeded probe the browser measures.
 */
import { describe, expect, it } from 'vitest';
import { depthProbe } from '../../src/engine/probes/depthProbe';
import { probeOptions, readDepthProbe } from '../../src/lessons/widgets/depthProbeSetup';
import { lessonName, readLessons } from './headlessLessons';

const charts = readLessons().flatMap((lesson) =>
  lesson.segments.flatMap((s) =>
    s.kind === 'quiz' && s.data.chart
      ? [{ name: `${lessonName(lesson)} › ${s.id}`, chart: s.data.chart }]
      : [],
  ),
);

describe('chart-reading questions', () => {
  it('exist in the lessons', () => {
    expect(charts.length).toBeGreaterThanOrEqual(2);
  });

  for (const { name, chart } of charts) {
    it(`${name}: the probe shows activations ${chart.shows.activations}, gradients ${chart.shows.gradients}`, () => {
      const reading = readDepthProbe(depthProbe(probeOptions(chart)));
      expect({
        activations: reading.activations.trend,
        gradients: reading.gradients.trend,
      }).toEqual(chart.shows);
    });
  }
});
