import type { PackRequest, PackSourcesResponse } from '@plume/protocol';
import { ApiCallError, callApi, jsonRequest } from './api-client.ts';
import type { Language } from './i18n/translator.ts';

/** A rendered pack: the PDF and the file name the server gave it. */
export type PackFile = { blob: Blob; fileName: string };

/** Briefing packs, seen from the browser: the PDF the server renders, or the HTML to print where it cannot. */
export const packApi = {
  /** Asks the server for the pack's PDF; rejects with an ApiCallError (503 `printUnavailable` without Chromium). */
  async pdf(body: PackRequest, language: Language): Promise<PackFile> {
    let response: Response;
    try {
      response = await fetch(`/api/packs?lang=${language}`, jsonRequest('POST', body));
    } catch (error) {
      throw new ApiCallError(0, null, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const failure = (await response.json().catch(() => null)) as {
        error?: { code?: string; message?: string };
      } | null;
      throw new ApiCallError(
        response.status,
        failure?.error?.code ?? null,
        failure?.error?.message ?? response.statusText,
      );
    }
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
  },
  /** Which version a pack would print of each note, and the last pack that printed it, in the order asked. */
  sources: (noteIds: readonly string[]) =>
    callApi<PackSourcesResponse>(`/api/packs/sources?${new URLSearchParams({ noteIds: noteIds.join(',') })}`),
  /** Address of the same pack as HTML, for a frame to load and print. */
  htmlUrl: (body: PackRequest, language: Language) =>
    `/api/packs/html?${new URLSearchParams({ lang: language, pack: JSON.stringify(body) })}`,
};

/** The packs API as views receive it. */
export type PackApi = typeof packApi;

// The RFC 5987 name carries accents; the plain one is the fallback.
function fileNameOf(disposition: string | null): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'dossier.pdf';
}
