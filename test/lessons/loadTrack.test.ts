import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessonTrack, buildLessonTrackParts } from '../../scripts/checkLessons';
import { loadTrack } from '../../src/lessons/loadTrack';
import { withBundledProse } from '../../src/lessons/loadProse';
import { ROOT } from '../e2e/previewServer';

describe('loadTrack', () => {
  it('is the track buildTrack makes of lessons/*.md, parsed when the app is built, without its prose', () => {
    const track = loadTrack();
    expect(track).toStrictEqual(buildLessonTrackParts(join(ROOT, 'lessons'), ROOT).track);
    expect(track.lessons.length).toBeGreaterThan(0);
    const prose = track.lessons.flatMap((l) => l.segments).filter((s) => s.kind === 'markdown');
    expect(prose.length).toBeGreaterThan(0);
    expect(prose.every((s) => s.text === '')).toBe(true);
  });

  it('with the bundled prose put back, is the whole track the files make', () => {
    const full = withBundledProse(loadTrack());
    expect(full).toStrictEqual(buildLessonTrack(join(ROOT, 'lessons'), ROOT));
    // The same object each time, so the pages' memoized views keep their identity.
    expect(withBundledProse(loadTrack())).toBe(full);
  });
});
