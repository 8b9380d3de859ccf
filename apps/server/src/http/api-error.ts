import { API_ERROR, type ApiErrorBody, type ApiErrorCode } from '@plume/protocol';
import type { Response } from 'express';

/** Sends the JSON API's error response for `code`, with an optional more precise message. */
export function sendApiError(response: Response, code: ApiErrorCode, message?: string): void {
  const { status, message: fallback } = API_ERROR[code];
  const body: ApiErrorBody = { error: { code, message: message ?? fallback } };
  response.status(status).json(body);
}
