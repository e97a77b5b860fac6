import { afterEach, describe, expect, it } from 'vitest';
import { createBatcher, setMessageBatchWindow } from '../../src/store/messageBatching';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => setMessageBatchWindow(undefined));

describe('createBatcher', () => {
  it('applies the first item at once and merges a burst into the next batch, in order', async () => {
    setMessageBatchWindow(40);
    const batches: number[][] = [];
    const batcher = createBatcher<number>((items) => batches.push(items));
    batcher.push(1);
    expect(batches).toEqual([[1]]);
    batcher.push(2);
    batcher.push(3);
    batcher.push(4);
    expect(batches).toEqual([[1]]);
    await sleep(80);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('applies every item synchronously with a window of 0', () => {
    setMessageBatchWindow(0);
    const batches: number[][] = [];
    const batcher = createBatcher<number>((items) => batches.push(items));
    batcher.push(1);
    batcher.push(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it('drops waiting items on clear', async () => {
    setMessageBatchWindow(30);
    const batches: number[][] = [];
    const batcher = createBatcher<number>((items) => batches.push(items));
    batcher.push(1);
    batcher.push(2);
    batcher.clear();
    await sleep(60);
    expect(batches).toEqual([[1]]);
  });
});
