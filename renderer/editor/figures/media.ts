// Images travel to the service as base64 (both transports carry JSON) and are
// stored once by sha256. For display the editor asks for the bytes once per
// image and keeps a blob URL for the rest of the session.
import { mediaShaOf } from '../../../core/story';
import { toServiceError, type NewsdeskClient } from '../../transport/client';

const urlCache = new WeakMap<NewsdeskClient, Map<string, Promise<string>>>();

function cacheFor(client: NewsdeskClient): Map<string, Promise<string>> {
  let cache = urlCache.get(client);
  if (cache === undefined) {
    cache = new Map();
    urlCache.set(client, cache);
  }
  return cache;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A URL an <img> can show for a figure's src: a blob URL for stored media, the address itself for http(s). */
export function imageUrl(client: NewsdeskClient, src: string): Promise<string> {
  const sha = mediaShaOf(src);
  if (sha === null) return /^https?:\/\//.test(src) ? Promise.resolve(src) : Promise.reject(new Error('Ảnh không có địa chỉ hợp lệ'));
  const cache = cacheFor(client);
  let url = cache.get(sha);
  if (url === undefined) {
    url = client.call('media.get', { sha256: sha }).then(
      (media) => URL.createObjectURL(new Blob([base64ToBytes(media.bytes)], { type: media.mime })),
      (error: unknown) => {
        cache.delete(sha);
        throw toServiceError(error);
      },
    );
    cache.set(sha, url);
  }
  return url;
}

function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = typeof reader.result === 'string' ? reader.result : '';
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('Không đọc được tệp'));
    reader.readAsDataURL(file);
  });
}

/**
 * Stores an image file with the service and returns the figure src
 * (`media:<sha256>`). The service checks the size and that it is an image; its
 * message is thrown as is.
 */
export async function uploadImage(client: NewsdeskClient, file: File): Promise<string> {
  const bytes = await fileToBase64(file);
  const fileName = file.name === '' ? undefined : file.name.slice(-255);
  let stored;
  try {
    stored = await client.call('media.add', { fileName, bytes });
  } catch (error) {
    throw toServiceError(error);
  }
  // The file is already here: show it without fetching it back.
  const cache = cacheFor(client);
  if (!cache.has(stored.sha256)) cache.set(stored.sha256, Promise.resolve(URL.createObjectURL(file)));
  return stored.src;
}
