import type { DeskApi, EmulatorFault, EmulatorStatus } from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import { callDesk } from '../../lib/desk'
import { receiveEmulatorStatus, setEmulatorError } from './emulator-store'

async function apply(call: (desk: DeskApi) => Promise<Result<EmulatorStatus>>): Promise<void> {
  const result = await callDesk(call)
  if (result.ok) receiveEmulatorStatus(result.value)
  else setEmulatorError(result.error)
}

/** Reads the status once; later changes arrive as `emulatorChanged` events. */
export const loadEmulatorStatus = (): Promise<void> => apply((desk) => desk.getEmulatorStatus())

export const injectEmulatorFault = (fault: EmulatorFault, count: number): Promise<void> =>
  apply((desk) => desk.injectEmulatorFault({ fault, count }))

export const clearEmulatorFaults = (): Promise<void> => apply((desk) => desk.clearEmulatorFaults())
