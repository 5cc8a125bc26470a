import {
  calls,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
  type ParsedInput
} from '../shared/contract'
import { DeskFailure, fail, ok, text, type Result } from '../shared/result'

/** One function per contract call. Inputs arrive already validated; expected failures throw DeskFailure. */
export type Handler<K extends CallName> = (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>
export type HandlerTable = { [K in CallName]: Handler<K> }
export type PartialHandlers<K extends CallName> = { [P in K]: Handler<P> }

const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name)

/**
 * The single entry for every renderer call (bound to ipcMain in Electron and to a page in the e2e
 * harness): checks the call exists, validates the input against the contract, and turns failures into
 * typed results. Unexpected errors are logged and reported without internals.
 */
export async function invokeHandler(
  table: HandlerTable,
  name: string,
  raw: unknown,
  logError: (error: unknown) => void = (error) => console.error(`[desk] ${name} failed`, error)
): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return fail({ code: 'invalid-input', message: text(`Unknown call "${name}"`, `未知调用 “${name}”`) })
  }
  const parsed = calls[name].input.safeParse(raw)
  if (!parsed.success) {
    return fail({
      code: 'invalid-input',
      message: text(`Invalid input for ${name}`, `${name} 的输入无效`),
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: text(issue.message, issue.message)
      }))
    })
  }
  const malformed = malformedTextAt(parsed.data)
  if (malformed !== null) {
    const message = text(
      'The text contains a broken character (a lone UTF-16 surrogate); paste it again from its source.',
      '文本包含损坏的字符（孤立的 UTF-16 代理项），请从原处重新粘贴。'
    )
    return fail({
      code: 'invalid-input',
      message: text(`Invalid input for ${name}`, `${name} 的输入无效`),
      issues: [{ path: malformed, message }]
    })
  }
  try {
    const handler = table[name] as (input: unknown) => unknown
    return ok(await handler(parsed.data))
  } catch (error) {
    if (error instanceof DeskFailure) return fail(error.error)
    logError(error)
    return fail({
      code: 'internal',
      message: text(
        'Something went wrong inside the desk. The details are in the main-process log.',
        '内部错误，详情见主进程日志。'
      )
    })
  }
}

/**
 * The path of the first string in `value` that is not well-formed UTF-16, or null. Such text cannot be
 * URL-encoded or stored faithfully, so it is refused at the boundary instead of failing deep inside.
 */
function malformedTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.isWellFormed() ? null : path || 'input'
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    const found = malformedTextAt(item, path === '' ? key : `${path}.${key}`)
    if (found !== null) return found
  }
  return null
}

/** Sends one contract event to whoever listens (the window in Electron, the page in the e2e harness). */
export type EventEmitter = <K extends EventName>(name: K, payload: EventPayload<K>) => void

/** For every contract event, how to listen to the engine for it; each returns an unsubscribe function. */
export type EventSources = {
  [K in EventName]: (send: (payload: EventPayload<K>) => void) => () => void
}

/** Forwards every event of `sources` to `emit`; returns one unsubscribe function for them all. */
export function subscribeAll(sources: EventSources, emit: EventEmitter): () => void {
  const offs = (Object.keys(sources) as EventName[]).map((name) =>
    (sources[name] as (send: (payload: unknown) => void) => () => void)((payload) =>
      (emit as (name: EventName, payload: unknown) => void)(name, payload)
    )
  )
  return () => offs.forEach((off) => off())
}
