import { createHandlerTable } from '../../src/compose/desk-handlers'
import { invokeHandler } from '../../src/core/handler-table'
import type { CallInput, CallName, CallOutput, PushActivity } from '../../src/shared/contract'
import type { DeskError, Result } from '../../src/shared/result'
import { startTestDesk, type TestDesk } from './desk'

/** The real desk as the push tab sees it: contract calls through the handler table, and the events. */
export interface PushDesk extends TestDesk {
  /** Every reply and event payload the renderer would have received, serialised. */
  seen: string[]
  /** The push simulator's events, in order. */
  activity: PushActivity[]
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>
  /** The call's value; fails the test with the error when the call fails. */
  value<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>
  /** The call's error; fails the test when the call succeeds. */
  error<K extends CallName>(name: K, input: CallInput<K>): Promise<DeskError>
}

export async function startPushDesk(overrides: Parameters<typeof startTestDesk>[0] = {}): Promise<PushDesk> {
  const desk = await startTestDesk(overrides)
  const table = createHandlerTable(desk.services)
  const seen: string[] = []
  const activity: PushActivity[] = []
  const unsubscribe = desk.services.subscribe((name, payload) => {
    seen.push(JSON.stringify(payload))
    if (name === 'pushActivity') activity.push(payload as PushActivity)
  })
  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> => {
    const reply = (await invokeHandler(table, name, input)) as Result<CallOutput<K>>
    seen.push(JSON.stringify(reply))
    return reply
  }
  return {
    ...desk,
    seen,
    activity,
    call,
    async value(name, input) {
      const reply = await call(name, input)
      if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`)
      return reply.value
    },
    async error(name, input) {
      const reply = await call(name, input)
      if (reply.ok) throw new Error(`${name} succeeded, expected a failure`)
      return reply.error
    },
    async close() {
      unsubscribe()
      await desk.close()
    }
  }
}
