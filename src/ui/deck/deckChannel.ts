/**
 * The link between the two windows of a presentation: the audience's (on the projector) and the
 * speaker's (on the laptop), in the same browser. They talk over a BroadcastChannel named after the
 * lesson; every message is checked on arrival, since any page of the same origin may post on it.
 */
import { z } from '../../engine/zod';
import type { DeckPosition } from './deckState';

export const TRAINING_PHASES = ['idle', 'running', 'paused', 'finished'] as const;
export type TrainingPhase = (typeof TRAINING_PHASES)[number];

/** What the audience window's experiment scene is doing, for the speaker's buttons. */
export interface TrainingState {
  readonly scene: number;
  readonly phase: TrainingPhase;
  /** The furthest step any run has reached, and the step the runs train to. */
  readonly step: number;
  readonly steps: number;
}

export type DeckRole = 'audience' | 'speaker';

/** What the speaker can ask of the audience's experiment scene. */
export const TRAINING_REQUESTS = ['start', 'pause', 'reset'] as const;
export type TrainingRequest = (typeof TRAINING_REQUESTS)[number];

const count = z.number().int().min(0);
const messageSchema = z.discriminatedUnion('type', [
  /** A window opened: whoever is presenting answers with where the deck is. */
  z.object({ type: z.literal('hello'), from: z.enum(['audience', 'speaker']) }),
  z.object({
    type: z.literal('position'),
    from: z.enum(['audience', 'speaker']),
    position: z.object({ scene: count, revealed: z.boolean() }),
  }),
  /** Speaker → audience: start (or resume), pause or reset the current scene's training. */
  z.object({ type: z.literal('train'), scene: count, request: z.enum(TRAINING_REQUESTS) }),
  /** Audience → speaker. */
  z.object({
    type: z.literal('training'),
    state: z.object({ scene: count, phase: z.enum(TRAINING_PHASES), step: count, steps: count }),
  }),
  /** A window is closing. */
  z.object({ type: z.literal('bye'), from: z.enum(['audience', 'speaker']) }),
]);

export type DeckMessage =
  | { readonly type: 'hello'; readonly from: DeckRole }
  | { readonly type: 'position'; readonly from: DeckRole; readonly position: DeckPosition }
  | { readonly type: 'train'; readonly scene: number; readonly request: TrainingRequest }
  | { readonly type: 'training'; readonly state: TrainingState }
  | { readonly type: 'bye'; readonly from: DeckRole };

/** A received message, or undefined when it is not one of ours. */
export function readDeckMessage(data: unknown): DeckMessage | undefined {
  const parsed = messageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export interface DeckChannel {
  post(message: DeckMessage): void;
  /** Calls `onMessage` with each valid message another window posts; returns the unsubscribe. */
  listen(onMessage: (message: DeckMessage) => void): () => void;
  close(): void;
}

export type DeckChannelFactory = (name: string) => DeckChannel;

function broadcastChannel(name: string): DeckChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { post: () => undefined, listen: () => () => undefined, close: () => {} };
  }
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(onMessage) {
      const handler = (event: MessageEvent): void => {
        const message = readDeckMessage(event.data);
        if (message) onMessage(message);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}

let factory: DeckChannelFactory = broadcastChannel;

/** Tests put a fake channel here (undefined restores the BroadcastChannel). */
export function setDeckChannelFactory(next: DeckChannelFactory | undefined): void {
  factory = next ?? broadcastChannel;
}

/** False where the browser has no BroadcastChannel: the two windows cannot follow each other. */
export function deckLinkAvailable(): boolean {
  return factory !== broadcastChannel || typeof BroadcastChannel !== 'undefined';
}

export function deckChannelName(lessonId: string): string {
  return `normlab-deck:${lessonId}`;
}

export function openDeckChannel(lessonId: string): DeckChannel {
  return factory(deckChannelName(lessonId));
}
