import { DeskFailure, type DeskError } from '../../src/shared/result'

/** The DeskError a call fails with (it must fail with a DeskFailure). */
export async function failureOf(run: Promise<unknown> | (() => unknown)): Promise<DeskError> {
  try {
    await (typeof run === 'function' ? run() : run)
  } catch (error) {
    if (error instanceof DeskFailure) return error.error
    throw error
  }
  throw new Error('expected the call to fail')
}
