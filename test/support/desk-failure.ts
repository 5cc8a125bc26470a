import { DeskFailure, type DeskError } from '../../src/shared/result'

/** The DeskError a call throws (it must throw a DeskFailure). */
export function thrownFailure(run: () => unknown): DeskError {
  try {
    run()
  } catch (error) {
    return deskErrorOf(error)
  }
  throw new Error('expected the call to fail')
}

/** The DeskError a call fails with, thrown or rejected (it must fail with a DeskFailure). */
export async function failureOf(run: Promise<unknown> | (() => unknown)): Promise<DeskError> {
  try {
    await (typeof run === 'function' ? run() : run)
  } catch (error) {
    return deskErrorOf(error)
  }
  throw new Error('expected the call to fail')
}

function deskErrorOf(error: unknown): DeskError {
  if (error instanceof DeskFailure) return error.error
  throw error
}
