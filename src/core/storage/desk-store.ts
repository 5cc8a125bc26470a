import { existsSync, renameSync } from 'node:fs'
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

/**
 * Opens the settings file (conf / electron-store: atomic temp-file + rename writes, mode 0600). A file
 * that is not JSON, or not our shape, is renamed to `desk.corrupt-<time>.json` — never deleted — and the
 * app starts with a fresh one, telling the user where the old one went.
 */
export function openDeskStore(factory: StoreFactory, cwd: string, now: () => number = Date.now): OpenedStore {
  const open = (): KeyValueStore => factory({ cwd, configName: CONFIG_NAME, configFileMode: 0o600 })
  let kv: KeyValueStore | null = null
  let problem: string | null = null
  try {
    kv = open()
    const parsed = deskDocumentSchema.safeParse(readAll(kv))
    if (!parsed.success) {
      problem = `unexpected content (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`
    }
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }

  let notice: Notice | null = null
  if (problem !== null) {
    const path = kv?.path ?? `${cwd}/${CONFIG_NAME}.json`
    const aside =
      path.replace(/\.json$/, '') + `.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}.json`
    if (existsSync(path)) renameSync(path, aside)
    kv = open()
    notice = {
      id: 'store-corrupt',
      level: 'warning',
      message: text(
        `The settings file could not be read (${problem}). It was moved to ${aside} and the desk started with fresh settings.`,
        `设置文件无法读取（${problem}），已移动到 ${aside}，并以全新设置启动。`
      )
    }
  }
  const store = kv as KeyValueStore
  const fresh = emptyDocument()
  for (const key of Object.keys(fresh) as (keyof DeskDocument)[]) {
    if (store.get(key) === undefined) store.set(key, fresh[key])
  }

  return {
    notice,
    store: {
      path: store.path,
      read: (key) => store.get(key) as DeskDocument[typeof key],
      write: (key, value) => store.set(key, value)
    }
  }
}

function readAll(kv: KeyValueStore): Record<string, unknown> {
  const fresh = emptyDocument()
  const doc: Record<string, unknown> = {}
  for (const key of Object.keys(fresh) as (keyof DeskDocument)[]) doc[key] = kv.get(key) ?? fresh[key]
  return doc
}
