/**
 * zod, configured never to compile parsers with `new Function`: every module of ours imports zod from
 * here, never from 'zod'. zod decides when a schema is defined whether to compile its parser, probing
 * for eval by calling `Function('')`; the Content-Security-Policy forbids eval, so the probe is a
 * reported violation. The setting must come before the first schema, and a bundler may put that
 * schema's module in a chunk that runs before the entry's own code (the built Lab did: its first
 * import set jitless only after the shared chunk had defined its schemas). A module that imports zod
 * from here runs this first, wherever it lands. Jitless parsers are plain closures, fast enough for
 * settings, lessons and progress. test/engine/zod.test.ts holds every import to this module.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
