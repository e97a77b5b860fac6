/**
 * Imported first by every entry point (the page and both workers), before any schema is defined: zod
 * decides at definition time whether to compile parsers with `new Function`, and probes for it by
 * calling `Function('')`. The Content-Security-Policy forbids eval, so that probe would be a reported
 * violation; jitless parsers are plain closures and fast enough for settings, lessons and progress.
 */
import { z } from 'zod';

z.config({ jitless: true });
