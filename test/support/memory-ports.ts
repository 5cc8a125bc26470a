import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ClipboardPort,
  ExternalOpenerPort,
  FileOpenerPort,
  FileSaverPort,
  OpenedFile,
  PowerPort
} from '../../src/core/ports'

/** A clipboard the test can read back. */
export class MemoryClipboard implements ClipboardPort {
  readonly writes: string[] = []
  writeText(value: string): void {
    this.writes.push(value)
  }
  get text(): string | undefined {
    return this.writes.at(-1)
  }
}

/** "Save as…" that always picks a file inside `dir`. */
export class DirectoryFileSaver implements FileSaverPort {
  readonly saved: string[] = []
  constructor(private readonly dir: string) {}
  async saveText(suggestedName: string, content: string) {
    const path = join(this.dir, suggestedName)
    writeFileSync(path, content, { mode: 0o600 })
    this.saved.push(path)
    return { saved: true, path }
  }
  async saveBytes(suggestedName: string, content: Uint8Array) {
    const path = join(this.dir, suggestedName)
    writeFileSync(path, content, { mode: 0o600 })
    this.saved.push(path)
    return { saved: true, path }
  }
}

/** "Open…" answered with the files a test lined up, one per pick; cancelled when none is waiting. */
export class PresetFileOpener implements FileOpenerPort {
  private readonly queue: { name: string; bytes: Buffer }[] = []
  choose(name: string, bytes: Buffer): void {
    this.queue.push({ name, bytes })
  }
  async openFile(maxBytes: number): Promise<OpenedFile> {
    const next = this.queue.shift()
    if (!next) return { kind: 'cancelled' }
    if (next.bytes.length > maxBytes) return { kind: 'too-large', name: next.name, size: next.bytes.length }
    return { kind: 'file', ...next }
  }
}

export class RecordingOpener implements ExternalOpenerPort {
  readonly opened: string[] = []
  async open(url: string): Promise<void> {
    this.opened.push(url)
  }
}

/** Lets a test play "the laptop woke up". */
export class ManualPower implements PowerPort {
  private listeners = new Set<() => void>()
  onResume(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  wake(): void {
    for (const listener of this.listeners) listener()
  }
}

export function tempDir(prefix = 'desk-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
