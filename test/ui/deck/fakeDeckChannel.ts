import type {
  DeckChannel,
  DeckChannelFactory,
  DeckMessage,
} from '../../../src/ui/deck/deckChannel';
import { readDeckMessage } from '../../../src/ui/deck/deckChannel';

/**
 * BroadcastChannel as the deck uses it, in one test: every channel opened under a name delivers what
 * it posts to the other open channels of that name (never to itself), as structured clones, checked
 * on arrival like the real link. `posted` keeps every message, for the test to read.
 */
export class FakeDeckChannels {
  readonly posted: { readonly name: string; readonly message: unknown }[] = [];
  private readonly open = new Set<{ name: string; deliver: (data: unknown) => void }>();

  readonly factory: DeckChannelFactory = (name) => {
    const listeners = new Set<(message: DeckMessage) => void>();
    const end = {
      name,
      deliver: (data: unknown) => {
        const message = readDeckMessage(data);
        if (message) for (const listener of [...listeners]) listener(message);
      },
    };
    this.open.add(end);
    const channel: DeckChannel = {
      post: (message) => this.send(name, message, end),
      listen(onMessage) {
        listeners.add(onMessage);
        return () => listeners.delete(onMessage);
      },
      close: () => {
        this.open.delete(end);
        listeners.clear();
      },
    };
    return channel;
  };

  /** Posts as a window of its own would: to every open channel of `name`. */
  inject(name: string, data: unknown): void {
    this.send(name, data, undefined);
  }

  private send(name: string, data: unknown, from: object | undefined): void {
    this.posted.push({ name, message: data });
    const copy: unknown = structuredClone(data);
    for (const end of [...this.open]) if (end !== from && end.name === name) end.deliver(copy);
  }

  /** How many channels are open under `name`. */
  openCount(name: string): number {
    return [...this.open].filter((end) => end.name === name).length;
  }
}
