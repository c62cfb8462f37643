// Files go up as multipart/form-data (field "file"), so they skip the JSON client; the CSRF
// header and the error shape are the same as every other write.
import { api } from '../../common/api.ts';
import type { Endpoint, ResponseOf } from '../../common/endpoint.ts';
import type { Attachment } from '../../common/schemas/stream.ts';
import { ApiError, csrfToken, readError, refreshCsrfToken } from './client.ts';

async function send(
  endpoint: Endpoint,
  file: File,
  signal?: AbortSignal,
  path = endpoint.path,
): Promise<Response> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  try {
    return await fetch(path, {
      method: endpoint.method,
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

/** Send one file to an upload endpoint (at `path` when it has parameters); resolves with its JSON answer. */
async function uploadFile<E extends Endpoint>(endpoint: E, file: File, signal?: AbortSignal, path?: string) {
  let response = await send(endpoint, file, signal, path);
  if (response.status === 403) {
    const error = await readError(response.clone());
    if (error.code === 'csrf_failed') {
      await refreshCsrfToken();
      response = await send(endpoint, file, signal, path);
    }
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as ResponseOf<E>;
}

/** Upload one file to attach to a post being written; resolves with its attachment id. */
export async function uploadAttachment(file: File, signal?: AbortSignal): Promise<Attachment> {
  return uploadFile(api.uploadAttachment, file, signal);
}

/** Replace the signed-in person's photo; resolves with its new address. */
export async function uploadPhoto(
  file: File,
  signal?: AbortSignal,
): Promise<ResponseOf<typeof api.uploadMyPhoto>> {
  return uploadFile(api.uploadMyPhoto, file, signal);
}

/** Set a share kit's image (communication managers); resolves with the kit. */
export async function uploadKitImage(id: string, file: File): Promise<ResponseOf<typeof api.uploadKitImage>> {
  return uploadFile(
    api.uploadKitImage,
    file,
    undefined,
    api.uploadKitImage.path.replace(':id', encodeURIComponent(id)),
  );
}
