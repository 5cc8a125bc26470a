import { create } from 'zustand'
import type { EmulatorStatus } from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'

export interface EmulatorState {
  /** As main last reported it; null until the first answer. */
  status: EmulatorStatus | null
  /** The last failed call; a later status clears it. */
  error: DeskError | null
}

export const initialEmulatorState: EmulatorState = { status: null, error: null }

export const useEmulatorStore = create<EmulatorState>()(() => initialEmulatorState)

/** Stores a status from main (a call's answer or an `emulatorChanged` event: a fault was queued or served). */
export function receiveEmulatorStatus(status: EmulatorStatus): void {
  useEmulatorStore.setState({ status, error: null })
}

export function setEmulatorError(error: DeskError): void {
  useEmulatorStore.setState({ error })
}
