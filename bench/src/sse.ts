/**
 * Reads a Server-Sent Events body (GET /api/events) event by event, as a browser's EventSource
 * would: blocks separated by a blank line, `field: value` lines, comments (`:`) skipped. Used by
 * the live-streams bench and the API tests of the stream.
 */

/** One event as read off the wire. */
export interface StreamEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Calls `onEvent` for every named event of `body` until it ends or is aborted; resolves then
 * (never rejects: an aborted read is the reader's own doing).
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: StreamEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line === '' || line.startsWith(':')) continue;
          const at = line.indexOf(':');
          fields.set(line.slice(0, at), line.slice(at + 1).trimStart());
        }
        const event = fields.get('event');
        if (event !== undefined) {
          onEvent({ id: fields.get('id') ?? null, event, data: fields.get('data') ?? '' });
        }
        end = buffer.indexOf('\n\n');
      }
    }
  } catch {
    // Aborted by whoever opened it.
  }
}
