// Files attached to a post being written: each uploads as soon as it is chosen, so the post
// itself only carries their ids; a failed file says why and can be removed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../../common/schemas/stream.ts';
import { uploadAttachment } from '../../api/uploads.ts';

export const MAX_FILES = 10;

export interface Upload {
  key: string;
  name: string;
  status: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
  error?: unknown;
}

export function useUploads() {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const counter = useRef(0);

  useEffect(
    () => () => {
      for (const controller of controllers.current.values()) controller.abort();
    },
    [],
  );

  const add = useCallback((files: readonly File[]) => {
    for (const file of files) {
      counter.current += 1;
      const key = `u${counter.current}`;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      setUploads((list) => [...list, { key, name: file.name, status: 'uploading' }]);
      uploadAttachment(file, controller.signal).then(
        (attachment) =>
          setUploads((list) => list.map((u) => (u.key === key ? { ...u, status: 'done', attachment } : u))),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setUploads((list) => list.map((u) => (u.key === key ? { ...u, status: 'failed', error } : u)));
        },
      );
    }
  }, []);

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setUploads((list) => list.filter((u) => u.key !== key));
  }, []);

  const clear = useCallback(() => {
    controllers.current.clear();
    setUploads([]);
  }, []);

  return {
    uploads,
    add,
    remove,
    clear,
    busy: uploads.some((u) => u.status === 'uploading'),
    ids: uploads.flatMap((u) => (u.status === 'done' && u.attachment ? [u.attachment.id] : [])),
  };
}
