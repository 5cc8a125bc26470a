/**
 * The renderer's side of the local HTTP API (the desk as 中控 server): its settings, key, request log and
 * ready-to-paste snippets. Spread into `calls` / `events` in `contract.ts`.
 */
import { z } from 'zod'
import { DISPLAY_LANGUAGES } from './apps'
import { call, event, none, profileId } from './kit'
import type { DeskError, Localized } from '../result'

export const LOCAL_API_DEFAULT_HOST = '127.0.0.1'
export const LOCAL_API_DEFAULT_PORT = 17180
/** The environment variable the API key is read from: by headless serve, and by the snippets unless filled in. */
export const LOCAL_API_KEY_ENV = 'DESK_API_KEY'
/** How many requests the panel's "last requests" list keeps. */
export const LOCAL_API_RECENT_REQUESTS = 50

export const LOCAL_API_SNIPPET_IDS = [
  'curl',
  'node-fetch',
  'java-wxjava',
  'php-easywechat',
  'python-wechatpy',
  'go-silenceper',
  'node-co-wechat-api',
  'postman-environment'
] as const
export type LocalApiSnippetId = (typeof LOCAL_API_SNIPPET_IDS)[number]

/** A ready-to-paste snippet that reads the shared token from the local API. */
export interface LocalApiSnippet {
  id: LocalApiSnippetId
  /** A product name (curl, WxJava …): the same in every language. */
  title: string
  /** For syntax highlighting. */
  language: 'bash' | 'javascript' | 'java' | 'php' | 'python' | 'go' | 'json'
  code: string
  /**
   * True when `code` carries the real API key. Otherwise it reads the key from the `DESK_API_KEY`
   * environment variable (the Postman environment has a `<paste the key>` placeholder).
   */
  keyIncluded: boolean
}

/** One request the local API answered. Never carries a query string, the key or a secret. */
export interface LocalApiRequestEntry {
  id: number
  /** Epoch ms. */
  at: number
  method: string
  /** The path without its query string, e.g. `/v1/apps/wx5e1d0c7a3b9f2468/access-token`. */
  route: string
  status: number
  /** The caller's TCP port, to tell local processes apart; null when the socket was already gone. */
  callerPort: number | null
  durationMs: number
  /**
   * WeChat's errcode in the answer's body (the WeChat-compatible routes answer refusals with HTTP 200), or null
   * when there was none: the outcome the caller sees, which the HTTP status alone does not tell.
   */
  errcode?: number | null
}

/** Requests answered since the previous event (oldest first), sent at most a few times a second. */
export interface LocalApiRequestBatch {
  /** Requests answered since the API was first started in this session. */
  total: number
  entries: LocalApiRequestEntry[]
}

/** How the API key is kept: encrypted at rest, in memory for this session only, or not generated yet. */
export type LocalApiKeyPersistence = 'encrypted' | 'session-only' | 'none'

export interface LocalApiStatus {
  /** What the user chose; `running` says whether the server is actually listening. */
  enabled: boolean
  running: boolean
  /** The address to listen on (127.0.0.1 unless the user allowed another one). */
  host: string
  /** The configured port; 0 = any free port (see `boundPort`). */
  port: number
  /** The port the server listens on while running. */
  boundPort: number | null
  /** `http://127.0.0.1:17180` while running. */
  url: string | null
  allowNonLoopback: boolean
  /** Set while the API listens on a non-loopback address. */
  warning: Localized | null
  hasKey: boolean
  /** The key's last four characters behind dots, or null without a key. */
  keyMask: string | null
  keyPersistence: LocalApiKeyPersistence
  /** Why the server is not running although enabled (e.g. the port is taken). */
  lastError: DeskError | null
  /** Requests answered in this session. */
  requestCount: number
  /** The last requests, newest first. */
  recentRequests: LocalApiRequestEntry[]
}

export const localApiCalls = {
  getLocalApi: call<LocalApiStatus>()(none),
  /**
   * Turns the API on or off and moves it. The key is generated the first time it is enabled. A host other
   * than the loopback address needs `allowNonLoopback: true` and then shows `warning`.
   */
  setLocalApi: call<LocalApiStatus>()(
    z
      .object({
        enabled: z.boolean().optional(),
        host: z.string().min(1).max(64).optional(),
        port: z.number().int().min(0).max(65535).optional(),
        allowNonLoopback: z.boolean().optional()
      })
      .strict()
  ),
  revealLocalApiKey: call<{ key: string }>()(none),
  copyLocalApiKey: call<{ copied: true }>()(none),
  /** A new key: the old one stops working at once and open event streams are closed. */
  rotateLocalApiKey: call<LocalApiStatus>()(none),
  /**
   * Snippets for one app (profile id), filled with the real port and AppID. `includeKey` (default false)
   * puts the real key in; otherwise they read it from `DESK_API_KEY`.
   */
  getLocalApiSnippets: call<LocalApiSnippet[]>()(
    z
      .object({
        id: profileId,
        includeKey: z.boolean().optional(),
        /** The language of the comments and of the sandbox's name (English by default). */
        language: z.enum(DISPLAY_LANGUAGES).optional()
      })
      .strict()
  ),
  /**
   * Copies one snippet; `includeKey` defaults to true here, so what is pasted runs as is. Says whether the copy
   * carries the key (the SDK snippets never need one).
   */
  copyLocalApiSnippet: call<{ copied: true; keyIncluded: boolean }>()(
    z
      .object({
        id: profileId,
        snippet: z.enum(LOCAL_API_SNIPPET_IDS),
        includeKey: z.boolean().optional(),
        language: z.enum(DISPLAY_LANGUAGES).optional()
      })
      .strict()
  )
} as const

export const localApiEvents = {
  localApiChanged: event<LocalApiStatus>(),
  localApiRequest: event<LocalApiRequestBatch>()
} as const
