// Every error leaves as { error: { code, message, details } }. Known errors keep their
// status and code; anything unexpected is logged with the request id and answered with
// a plain 500 that reveals nothing of the internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../../common/errors.ts';
import { AppError } from '../errors.ts';

const FASTIFY_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) {
      if (error.shouldLog) req.log.error({ err: error }, error.message);
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return reply.code(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
    const status = (error as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type): safe to echo.
      const code = FASTIFY_CODES[status] ?? 'validation_failed';
      return reply.code(status).send({ error: { code, message: error.message } });
    }
    req.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({
      error: {
        code: 'internal',
        message: `Something went wrong on our side. Reference for your administrator: ${req.id}.`,
      },
    });
  });
}
