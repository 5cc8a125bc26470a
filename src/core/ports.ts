/**
 * Ports: what the services need from the platform. Electron adapters live beside this file
 * (`electron-*.ts`); tests and the headless server plug in plain-Node implementations.
 */
import type { SavedFile } from '../shared/contract'

/** Encrypts small strings (secrets, tokens) for storage at rest. */
export interface SecretCipher {
  /** False when nothing may be written at rest (no keychain, or Linux's `basic_text` backend). */
  readonly available: boolean
  /** Why encryption is unavailable, for the notice shown to the user. */
  readonly unavailableReason: string | null
  encrypt(plain: string): string
  decrypt(encoded: string): string
}

export interface ClipboardPort {
  writeText(text: string): void
}

export interface PowerPort {
  /** Calls `listener` when the machine wakes from sleep; returns an unsubscribe function. */
  onResume(listener: () => void): () => void
}

export interface FileSaverPort {
  /** Asks the user where to save `content` (suggesting `suggestedName`), then writes it. */
  saveText(suggestedName: string, content: string): Promise<SavedFile>
  /** The same for bytes (an image, a media file WeChat answered with). */
  saveBytes(suggestedName: string, content: Uint8Array): Promise<SavedFile>
}

/** A file the user chose, read in main: the renderer never names a path. */
export type OpenedFile =
  | { kind: 'cancelled' }
  | { kind: 'file'; name: string; bytes: Buffer }
  | { kind: 'too-large'; name: string; size: number }

export interface FileOpenerPort {
  /** Asks the user for one file and reads it, unless it is over `maxBytes`. */
  openFile(maxBytes: number): Promise<OpenedFile>
}

export interface ExternalOpenerPort {
  /** Opens an already-checked URL in the user's browser. */
  open(url: string): Promise<void>
}

/** The small subset of conf / electron-store the desk uses. */
export interface KeyValueStore {
  readonly path: string
  get(key: string): unknown
  set(key: string, value: unknown): void
  /** The whole document at once (one atomic write); keys not in it are gone. */
  store: Record<string, unknown>
}
