import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { text } from '../../shared/result'
import type { Notice } from '../../shared/contract'
import type { KeyValueStore } from '../ports'
import { deskDocumentSchema, emptyDocument, type DeskDocument } from './schema'

export type StoreFactory = (options: {
  cwd: string
  configName: string
  configFileMode: number
}) => KeyValueStore

export interface DeskStore {
  readonly path: string
  read<K extends keyof DeskDocument>(key: K): DeskDocument[K]
  write<K extends keyof DeskDocument>(key: K, value: DeskDocument[K]): void
}

export interface OpenedStore {
  store: DeskStore
  /** Set when the previous file could not be read and was moved aside. */
  notice: Notice | null
}

const CONFIG_NAME = 'desk'
const FILE_NAME = `${CONFIG_NAME}.json`
/** What conf's atomic writer (`atomically`) leaves beside the file when a write is killed before its rename. */
const INTERRUPTED_WRITE = /^desk\.json\.tmp-[0-9a-f]+$/

/**
 * Opens the settings file (conf / electron-store: atomic temp-file + rename writes, mode 0600).
 *
 * Everything that can go wrong with a file on disk happens inside one guarded load: it must be a JSON object
 * of our shape; it is then repaired — unknown keys and fields dropped, missing sections filled in — and
 * written back whole. A file that cannot be loaded or repaired (not JSON, an array or `null`, the wrong
 * shape, junk too deep to serialise …) is renamed to `desk.corrupt-<time>.json` — never deleted — and the
 * app starts with a fresh one, telling the user where the old one went. Temp files of writes that were
 * killed mid-way (each holds a whole copy of the store, secrets encrypted) are removed first.
 */
export function openDeskStore(factory: StoreFactory, cwd: string, now: () => number = Date.now): OpenedStore {
  const open = (): KeyValueStore => factory({ cwd, configName: CONFIG_NAME, configFileMode: 0o600 })
  removeInterruptedWrites(cwd)
  let kv: KeyValueStore | null = null
  let problem: string | null = null
  try {
    kv = load(open, join(cwd, FILE_NAME))
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }

  let notice: Notice | null = null
  if (kv === null) {
    const path = join(cwd, FILE_NAME)
    const aside = join(
      cwd,
      `${CONFIG_NAME}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}.json`
    )
    if (existsSync(path)) renameSync(path, aside)
    kv = load(open, path)
    notice = {
      id: 'store-corrupt',
      level: 'warning',
      message: text(
        `The settings file could not be read (${problem}). It was moved to ${aside} and the desk started with fresh settings.`,
        `设置文件无法读取（${problem}），已移动到 ${aside}，并以全新设置启动。`
      )
    }
  }
  const store = kv
  return {
    notice,
    store: {
      path: store.path,
      read: (key) => store.get(key) as DeskDocument[typeof key],
      write: (key, value) => store.set(key, value)
    }
  }
}

/** Loads, checks and repairs the document; throws with the reason when it cannot. */
function load(open: () => KeyValueStore, file: string): KeyValueStore {
  // conf reshapes what it reads (an array becomes an object of its indices, `null` an empty store), so the
  // raw file is judged first.
  if (existsSync(file)) {
    const raw = readFileSync(file, 'utf8')
    if (raw.trim() !== '') {
      const value: unknown = JSON.parse(raw)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error(
          `the file holds ${value === null ? 'null' : Array.isArray(value) ? 'a JSON array' : `a JSON ${typeof value}`}, not the settings object`
        )
      }
    }
  }
  const kv = open()
  const parsed = deskDocumentSchema.safeParse(readAll(kv))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`unexpected content (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`)
  }
  kv.store = parsed.data
  return kv
}

function readAll(kv: KeyValueStore): Record<string, unknown> {
  const fresh = emptyDocument()
  const doc: Record<string, unknown> = {}
  for (const key of Object.keys(fresh) as (keyof DeskDocument)[]) doc[key] = kv.get(key) ?? fresh[key]
  return doc
}

function removeInterruptedWrites(cwd: string): void {
  let names: string[]
  try {
    names = readdirSync(cwd)
  } catch {
    return // no folder yet: nothing was ever written
  }
  // The desk is one process per data folder (a single-instance lock on the desktop), so no write of another
  // process can be in flight while it starts.
  for (const name of names) if (INTERRUPTED_WRITE.test(name)) rmSync(join(cwd, name), { force: true })
}
