/**
 * The one contract between renderer and main. Every call the renderer may make and every event main may
 * push is declared here once; the main handler table, the preload's `window.desk` and the renderer's types
 * are all derived from it.
 */
import type { z } from 'zod'
import type { Result } from '../result'
import { appCalls, appEvents } from './apps'
import { callLogCalls, callLogEvents } from './call-log'
import { consoleCalls } from './console'
import { emulatorCalls, emulatorEvents } from './emulator'
import { jssdkCalls } from './jssdk'
import { localApiCalls, localApiEvents } from './local-api'
import { miniProgramCalls } from './mini-program'
import { oauthCalls, oauthEvents } from './oauth'
import { pushCalls, pushEvents } from './push'
import { systemCalls, systemEvents } from './system'
import { tokenCalls, tokenEvents } from './tokens'

export * from './apps'
export * from './call-log'
export * from './console'
export * from './emulator'
export * from './jssdk'
export * from './local-api'
export * from './mini-program'
export * from './oauth'
export * from './push'
export * from './system'
export * from './tokens'
export type { CallSpec, EventSpec } from './kit'

export const calls = {
  ...appCalls,
  ...tokenCalls,
  ...callLogCalls,
  ...emulatorCalls,
  ...systemCalls,
  ...localApiCalls,
  ...oauthCalls,
  ...pushCalls,
  ...jssdkCalls,
  ...miniProgramCalls,
  ...consoleCalls
} as const

export const events = {
  ...appEvents,
  ...tokenEvents,
  ...callLogEvents,
  ...emulatorEvents,
  ...systemEvents,
  ...localApiEvents,
  ...oauthEvents,
  ...pushEvents
} as const

export type Calls = typeof calls
export type CallName = keyof Calls
export type EventName = keyof typeof events
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>
export type CallOutput<K extends CallName> = NonNullable<Calls[K]['output']>
export type EventPayload<K extends EventName> = NonNullable<(typeof events)[K]['payload']>

export const callNames = Object.keys(calls) as CallName[]
export const eventNames = Object.keys(events) as EventName[]

export const channelOf = (name: CallName | EventName): string => `desk:${name}`

type Verb<K extends CallName> =
  undefined extends CallInput<K>
    ? (input?: CallInput<K>) => Promise<Result<CallOutput<K>>>
    : (input: CallInput<K>) => Promise<Result<CallOutput<K>>>

/** `window.desk`: one named verb per call, plus `on.<event>(listener) → unsubscribe`. */
export type DeskApi = { [K in CallName]: Verb<K> } & {
  on: { [K in EventName]: (listener: (payload: EventPayload<K>) => void) => () => void }
}
