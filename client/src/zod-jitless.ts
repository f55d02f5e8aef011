/**
 * Zod probes `new Function('')` when schemas are built, to see whether it may compile faster
 * parsers; under the page's strict Content-Security-Policy (no 'unsafe-eval') Chrome reports that
 * probe as a violation even though zod catches it. `jitless` skips the probe. Imported first in
 * main.tsx, before any graph-schema module builds its schemas.
 */
import { config } from 'zod';

config({ jitless: true });
