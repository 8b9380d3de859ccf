import { API_ERROR, type ApiErrorCode } from '@plume/protocol';
import { ApiCallError } from '../api-client.ts';
import type { Translator } from '../i18n/translator.ts';

function isApiErrorCode(code: string | null): code is ApiErrorCode {
  return code !== null && Object.hasOwn(API_ERROR, code);
}

/** Says in the person's language why an API call failed; the server's own words only for codes it does not know. */
export function describeApiError(error: unknown, i18n: Translator): string {
  if (error instanceof ApiCallError) {
    if (error.status === 0) return i18n.t('error.network');
    if (error.code === 'tooManyAttempts' && error.retryAfterSeconds !== null) {
      return i18n.t('apiError.tooManyAttemptsWait', { seconds: error.retryAfterSeconds });
    }
    if (isApiErrorCode(error.code)) return i18n.t(`apiError.${error.code}`);
    if (error.status >= 500) return i18n.t('error.server', { status: error.status });
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
