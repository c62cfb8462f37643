// The JSON body parser: Fastify's own (which refuses `__proto__` and `constructor.prototype`
// keys), behind two checks of ours. Bytes must be valid UTF-8 — a lenient decoder would
// store replacement characters the author never typed — and nesting is bounded, so a
// body of a thousand brackets is refused before anything walks it recursively.
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body's bytes as received: a signed webhook checks its signature over them. */
    rawBody?: Buffer;
  }
}

/** No request of ours nests deeper than a few levels; 32 leaves room and stops abuse. */
export const MAX_JSON_DEPTH = 32;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const refused = (message: string) => new ValidationError([{ field: 'body', reason: 'invalid', message }]);

/** Deepest nesting of arrays and objects in a JSON text, stopping early past the limit. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      return done(refused('The body is not valid UTF-8.'));
    }
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
      return done(refused(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`));
    // The same buffer, kept by reference (no copy) until the request ends.
    req.rawBody = body as Buffer;
    parseJson(req, text, done);
  });
}
