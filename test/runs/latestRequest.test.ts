import { describe, expect, it } from 'vitest';
import { LatestRequest } from '../../src/runs/latestRequest';

function setup() {
  const sent: { id: number; request: string }[] = [];
  const latest = new LatestRequest<string>((id, request) => sent.push({ id, request }));
  return { sent, latest };
}

describe('LatestRequest', () => {
  it('sends the first request at once and reports its reply as the newest', () => {
    const { sent, latest } = setup();
    latest.request('depth 10');
    expect(sent).toEqual([{ id: 1, request: 'depth 10' }]);
    expect(latest.busy).toBe(true);
    expect(latest.settle(1)).toBe(true);
    expect(latest.busy).toBe(false);
  });

  it('keeps only the newest request while one is in flight, so a dragged slider never queues', () => {
    const { sent, latest } = setup();
    latest.request('depth 10');
    latest.request('depth 11');
    latest.request('depth 12');
    latest.request('depth 13');
    expect(sent.map((s) => s.request)).toEqual(['depth 10']);
    // the reply to 10 is superseded: 13 goes out next, 11 and 12 never do
    expect(latest.settle(1)).toBe(false);
    expect(sent.map((s) => s.request)).toEqual(['depth 10', 'depth 13']);
    expect(latest.settle(2)).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('ignores a reply to an id that is not in flight', () => {
    const { sent, latest } = setup();
    latest.request('a');
    expect(latest.settle(7)).toBe(false);
    expect(latest.busy).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('resends the newest request after its worker was replaced', () => {
    const { sent, latest } = setup();
    latest.request('a');
    latest.request('b');
    latest.resend();
    expect(sent.map((s) => `${s.id}:${s.request}`)).toEqual(['1:a', '2:b']);
    expect(latest.settle(1)).toBe(false); // the lost worker's reply no longer counts
    expect(latest.settle(2)).toBe(true);
  });
});
