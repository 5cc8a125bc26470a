import fc from 'fast-check'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlerTable } from '../../../src/compose/desk-handlers'
import { invokeHandler, type HandlerTable } from '../../../src/core/handler-table'
import { callNames, calls, type CallName } from '../../../src/shared/contract'
import { startTestDesk, type TestDesk } from '../../support/desk'

/**
 * Every contract call, fed arbitrary strings and shapes the way a compromised or buggy renderer could send
 * them: each answer is a typed result, and none is `internal` (an unexpected exception inside the desk).
 */

/** Text a renderer can produce, broken text included (lone surrogates, control characters, huge). */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\ud800', '\udfff', '\udc00\ud800'))
    .map(([a, b]) => a + b),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\ud800', 'a\udc00b', '\u0000', '%', '%E4%B8', 'sandbox', 'x'.repeat(5000)),
  fc.constantFrom(
    'http://127.0.0.1/cb',
    'https://a.example.invalid/p?q=1#f',
    'wx5e1d0c7a3b9f2468',
    '../../etc'
  )
)
const wild: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(anyText, { maxLength: 3 }),
  fc.dictionary(anyText, anyText, { maxKeys: 3 })
)

/**
 * Fields with a meaning: a profile id is mostly the sandbox's (so the call gets past the lookup); fields that
 * would make the desk listen somewhere are only loopback, or garbage it must refuse.
 */
/** Where a call could send something: only this machine, on a port nothing listens on, or garbage. */
const NOWHERE = fc.constantFrom('http://127.0.0.1:9/x', 'not a url', '\ud800', 'ftp://127.0.0.1/', '')

const FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  url: NOWHERE,
  apiBase: NOWHERE,
  remoteUrl: NOWHERE,
  id: fc.oneof({ arbitrary: fc.constant('sandbox'), weight: 4 }, { arbitrary: anyText, weight: 1 }),
  host: fc.constantFrom('127.0.0.1', 'localhost', 'not-an-ip', '\ud800', ''),
  port: fc.constantFrom(0, -1, 65536, 1.5, '0'),
  allowNonLoopback: fc.constant(false)
}

interface ZodInternals {
  _zod: {
    def: {
      type: string
      shape?: Record<string, z.ZodType>
      innerType?: z.ZodType
      element?: z.ZodType
      entries?: Record<string, string>
    }
  }
}

/** Values near the schema (right keys, often the right kinds) mixed with anything at all. */
function near(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const { def } = (schema as unknown as ZodInternals)._zod
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'object': {
        const fields = Object.fromEntries(
          Object.entries(def.shape ?? {}).map(([key, field]) => [key, FIELDS[key] ?? near(field, depth + 1)])
        )
        return fc.oneof(
          { arbitrary: fc.record(fields), weight: 9 },
          { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 }
        )
      }
      case 'optional':
      case 'nullable':
      case 'default':
        return def.innerType ? near(def.innerType, depth + 1) : wild
      case 'array':
        return def.element ? fc.array(near(def.element, depth + 1), { maxLength: 4 }) : wild
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }))
      case 'string':
        return anyText
      case 'number':
        return fc.oneof(fc.integer({ min: -2, max: 70_000 }), fc.double())
      case 'boolean':
        return fc.boolean()
      default:
        return wild
    }
  })()
  return depth > 4 ? wild : fc.oneof({ arbitrary: shaped, weight: 9 }, { arbitrary: wild, weight: 1 })
}

describe('every contract call, fed arbitrary input', () => {
  let desk: TestDesk
  let table: HandlerTable
  beforeAll(async () => {
    desk = await startTestDesk()
    table = createHandlerTable(desk.services)
  })
  afterAll(() => desk.close())

  it.each(callNames.map((name) => [name]))('%s never answers internal', async (name: CallName) => {
    const unexpected: string[] = []
    await fc.assert(
      fc.asyncProperty(near(calls[name].input), async (input) => {
        const result = await invokeHandler(table, name, input, (error) =>
          unexpected.push(`${name}: ${String(error)}`)
        )
        expect(result.ok || result.error.code, JSON.stringify(input)?.slice(0, 200)).not.toBe('internal')
      }),
      { numRuns: 120, interruptAfterTimeLimit: 5_000 }
    )
    await desk.services.oauth.stopCatcher()
    expect(unexpected).toEqual([])
  })
})
