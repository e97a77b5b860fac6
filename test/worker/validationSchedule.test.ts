import { describe, expect, it } from 'vitest';
import { VALIDATE_EVERY, ValidationSchedule } from '../../src/worker/validationSchedule';

function scheduleAt() {
  const clock = { time: 0 };
  return { clock, schedule: new ValidationSchedule(() => clock.time) };
}

describe('ValidationSchedule', () => {
  it('on a lesson’s schedule, validates at exactly every n steps, each step once', () => {
    const { schedule } = scheduleAt();
    expect(schedule.due(6, 7)).toBe(false);
    expect(schedule.due(7, 7)).toBe(true);
    schedule.started();
    schedule.finished(7);
    expect(schedule.lastStep).toBe(7);
    expect(schedule.due(7, 7)).toBe(false);
    expect(schedule.due(14, 7)).toBe(true);
  });

  it('on its own, waits VALIDATE_EVERY steps and four times the last validation’s length', () => {
    const { clock, schedule } = scheduleAt();
    expect(schedule.due(VALIDATE_EVERY - 2, undefined)).toBe(false); // nothing validated yet: step −1
    expect(schedule.due(VALIDATE_EVERY - 1, undefined)).toBe(true);
    schedule.started();
    clock.time = 10;
    schedule.finished(0); // took 10 ms
    expect(schedule.due(VALIDATE_EVERY - 1, undefined)).toBe(false);
    clock.time = 49;
    expect(schedule.due(VALIDATE_EVERY, undefined)).toBe(false);
    clock.time = 50;
    expect(schedule.due(VALIDATE_EVERY, undefined)).toBe(true);
    schedule.reset();
    expect(schedule.lastStep).toBe(-1);
  });
});
