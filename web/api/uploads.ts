// Files go up as multipart/form-data (field "file"), so they skip the JSON client; the CSRF
// header and the error shape are the same as every other write.
import { api } from '../../common/api.ts';
import type { Attachment } from '../../common/schemas/stream.ts';
import { ApiError, csrfToken, readError, refreshCsrfToken } from './client.ts';

async function send(file: File, signal?: AbortSignal): Promise<Response> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  try {
    return await fetch(api.uploadAttachment.path, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'Network error');
  }
}

/** Upload one file to attach to a post being written; resolves with its attachment id. */
export async function uploadAttachment(file: File, signal?: AbortSignal): Promise<Attachment> {
  let response = await send(file, signal);
  if (response.status === 403) {
    const error = await readError(response.clone());
    if (error.code === 'csrf_failed') {
      await refreshCsrfToken();
      response = await send(file, signal);
    }
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as Attachment;
}
