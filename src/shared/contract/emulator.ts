/** The built-in WeChat emulator behind the sandbox profile: its status and fault injection. */
import { z } from 'zod'
import { call, event, none } from './kit'

export const EMULATOR_FAULTS = [
  'system-error',
  'quota',
  'ip-whitelist',
  'http-500-html',
  'hang',
  'connection-reset',
  'malformed-json'
] as const
export type EmulatorFault = (typeof EMULATOR_FAULTS)[number]

export interface EmulatorStatus {
  running: boolean
  url: string | null
  /** Faults still queued, in the order they will be served. */
  pendingFaults: EmulatorFault[]
}

export const emulatorCalls = {
  getEmulatorStatus: call<EmulatorStatus>()(none),
  injectEmulatorFault: call<EmulatorStatus>()(
    z.object({ fault: z.enum(EMULATOR_FAULTS), count: z.number().int().min(1).max(20) }).strict()
  ),
  clearEmulatorFaults: call<EmulatorStatus>()(none)
} as const

export const emulatorEvents = {
  /** Faults were queued, served or cleared. */
  emulatorChanged: event<EmulatorStatus>()
} as const
