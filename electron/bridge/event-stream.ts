import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventSink } from '../../shared/contract/events.ts';

export interface EventBroadcasterOptions {
  /** A comment line every so often, so proxies and the client notice a dead connection. */
  heartbeatMs?: number;
  /** How many recent events a reconnecting client can catch up on (via Last-Event-ID). */
  replayLimit?: number;
}

export interface EventBroadcaster {
  /** Main's EventSink: sends `{ name, payload }` to every connected client. */
  emit: EventSink;
  /** Turns a `GET /events` response into a Server-Sent Events stream until the client leaves. */
  attach(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): void;
  /** Ends every stream and stops the heartbeat. */
  close(): void;
}

interface SentEvent {
  id: number;
  frame: string;
}

/**
 * Push events for browser-bridge clients, over Server-Sent Events. Each event gets an id and
 * the last few are kept, so a client whose stream dropped mid-job asks for what it missed
 * (`Last-Event-ID`) and still sees its `jobDone`.
 */
export function createEventBroadcaster(options: EventBroadcasterOptions = {}): EventBroadcaster {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const replayLimit = options.replayLimit ?? 256;
  const clients = new Set<ServerResponse>();
  const recent: SentEvent[] = [];
  let nextId = 1;

  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': heartbeat\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  const emit: EventSink = (name, payload) => {
    const id = nextId++;
    const frame = `id: ${id}\ndata: ${JSON.stringify({ name, payload })}\n\n`;
    recent.push({ id, frame });
    if (recent.length > replayLimit) recent.shift();
    for (const client of clients) client.write(frame);
  };

  return {
    emit,
    attach(request, response, headers) {
      response.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      request.socket.setTimeout(0);
      request.socket.setNoDelay(true);
      // A first line at once, so the client knows the stream is live before any event.
      response.write(': connected\n\n');
      const lastSeen = Number(request.headers['last-event-id']);
      if (Number.isSafeInteger(lastSeen)) {
        for (const event of recent) if (event.id > lastSeen) response.write(event.frame);
      }
      clients.add(response);
      const forget = () => clients.delete(response);
      request.on('close', forget);
      response.on('close', forget);
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
