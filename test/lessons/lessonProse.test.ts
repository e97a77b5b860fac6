import { describe, expect, it } from 'vitest';
import { splitProse, withProse } from '../../src/lessons/lessonProse';
import { buildTrack } from '../../src/lessons/track';

const lesson = (id: string, order: number) => `---
id: ${id}
title: Lesson ${id}
order: ${order}
summary: A lesson.
minutes: 5
unlocks: []
---

Prose of ${id}, first part.

:::checkpoint cp-${id}
title: Did it
description: By answering.
earnedBy: { quizzesWithoutPeeking: all }
:::

Prose of ${id}, second part.
`;

describe('splitProse and withProse', () => {
  const track = buildTrack({ 'a.md': lesson('a', 1), 'b.md': lesson('b', 2) });

  it('takes every prose segment out and puts each back where it was', () => {
    const { track: bare, prose } = splitProse(track);
    const texts = bare.lessons.flatMap((l) => l.segments.filter((s) => s.kind === 'markdown'));
    expect(texts).toHaveLength(4);
    expect(texts.every((s) => s.kind === 'markdown' && s.text === '')).toBe(true);
    expect(Object.values(prose).join(' ')).toMatch(/Prose of b, second part/);
    // The blocks stay: progress and unlocking need them.
    expect(bare.lessons[0]!.segments.some((s) => s.kind === 'checkpoint')).toBe(true);
    expect(withProse(bare, prose)).toStrictEqual(track);
  });

  it('keeps text a segment already has, and leaves unknown prose empty', () => {
    expect(withProse(track, {})).toStrictEqual(track);
    const { track: bare } = splitProse(track);
    const filled = withProse(bare, {});
    expect(filled.lessons[0]!.segments[0]).toMatchObject({ kind: 'markdown', text: '' });
  });
});
