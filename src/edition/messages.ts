/**
 * Messages between the pages and the service worker about saving editions (typed both ways).
 */
import type { BundleFailure } from './bundleStore';

/** Page → service worker: save the current edition's missing files (resumes an earlier save). */
export interface SaveEditionRequest {
  type: 'SAVE_EDITION';
}

/** Page → service worker: the reader accepted the waiting version (app code and edition). */
export interface SkipWaitingRequest {
  type: 'SKIP_WAITING';
}

export type PageMessage = SaveEditionRequest | SkipWaitingRequest;

/**
 * Service worker → pages: how saving an edition goes. `purpose` says which: the edition the
 * device reads (`current`: the first visit's background save, or a resumed one), or a new edition
 * downloaded by a waiting update (`update`).
 */
export interface EditionSaveStatus {
  type: 'EDITION_SAVE';
  purpose: 'current' | 'update';
  edition: string;
  state: 'saving' | 'saved' | 'failed';
  savedBytes: number;
  totalBytes: number;
  remaining: number;
  failure?: BundleFailure;
  /** For `failed`: the problem, naming the file. */
  message?: string;
}

export function isEditionSaveStatus(data: unknown): data is EditionSaveStatus {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'EDITION_SAVE';
}
