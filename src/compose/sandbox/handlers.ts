import { DeskFailure, text } from '../../shared/result'
import type { EmulatorStatus } from '../../shared/contract'
import type { Emulator } from '../../emulator'
import type { PartialHandlers } from '../../core/handler-table'

/** What the emulator panel shows. */
export function emulatorStatus(emulator: Emulator | null): EmulatorStatus {
  return emulator
    ? { running: true, url: emulator.url, pendingFaults: emulator.pendingFaults() }
    : { running: false, url: null, pendingFaults: [] }
}

export function emulatorHandlers(
  emulator: Emulator | null
): PartialHandlers<'getEmulatorStatus' | 'injectEmulatorFault' | 'clearEmulatorFaults'> {
  const status = (): EmulatorStatus => emulatorStatus(emulator)
  const running = (): Emulator => {
    if (!emulator) {
      throw new DeskFailure({
        code: 'not-found',
        message: text('The built-in emulator is not running.', '内置模拟器未运行。')
      })
    }
    return emulator
  }
  return {
    getEmulatorStatus: status,
    injectEmulatorFault: ({ fault, count }) => {
      running().injectFault(fault, count)
      return status()
    },
    clearEmulatorFaults: () => {
      running().clearFaults()
      return status()
    }
  }
}
