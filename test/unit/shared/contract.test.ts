import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callNames, channelOf, eventNames } from '../../../src/shared/contract'
import { buildDeskApi } from '../../../src/shared/contract/bridge'
import { createHandlerTable } from '../../../src/compose/desk-handlers'
import { registerIpc, type IpcMainLike } from '../../../src/main/ipc'
import type { HandlerTable } from '../../../src/core/handler-table'
import { startTestDesk, type TestDesk } from '../../support/desk'

describe('the contract binds every call on both sides', () => {
  let desk: TestDesk
  let table: HandlerTable
  beforeAll(async () => {
    desk = await startTestDesk()
    table = createHandlerTable(desk.services)
  })
  afterAll(() => desk.close())

  it('has a main handler for every contract call, and nothing else', () => {
    expect(Object.keys(table).sort()).toEqual([...callNames].sort())
    for (const name of callNames) expect(typeof table[name]).toBe('function')
  })

  it('gives the preload one named verb per call and one subscription per event', async () => {
    const invoked: string[] = []
    const subscribed: string[] = []
    const api = buildDeskApi({
      invoke: async (channel) => {
        invoked.push(channel)
        return { ok: true, value: null }
      },
      subscribe: (channel) => {
        subscribed.push(channel)
        return () => undefined
      }
    })
    for (const name of callNames) {
      const verb = (api as unknown as Record<string, (input?: unknown) => Promise<unknown>>)[name]
      expect(typeof verb, name).toBe('function')
      await verb?.()
    }
    for (const name of eventNames) api.on[name](() => undefined)
    expect(invoked).toEqual(callNames.map(channelOf))
    expect(subscribed).toEqual(eventNames.map(channelOf))
    expect(Object.keys(api).sort()).toEqual([...callNames, 'on'].sort())
  })

  it('registers every call on ipcMain and refuses senders that are not our window', async () => {
    const handlers = new Map<string, (event: never, input: unknown) => Promise<unknown>>()
    const ipc: IpcMainLike = {
      handle: (channel, listener) => handlers.set(channel, listener as never),
      removeHandler: (channel) => handlers.delete(channel)
    }
    const trusted = { trusted: true }
    const unregister = registerIpc(
      ipc,
      table,
      (event) => (event as unknown as typeof trusted).trusted === true
    )
    expect([...handlers.keys()].sort()).toEqual(callNames.map(channelOf).sort())

    const listApps = handlers.get(channelOf('listApps'))!
    expect(await listApps(trusted as never, undefined)).toMatchObject({ ok: true })
    expect(await listApps({ trusted: false } as never, undefined)).toMatchObject({
      ok: false,
      error: { code: 'guard' }
    })
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('validates input at the boundary and returns typed errors instead of throwing', async () => {
    const handlers = new Map<string, (event: never, input: unknown) => Promise<unknown>>()
    registerIpc(
      { handle: (c, l) => handlers.set(c, l as never), removeHandler: () => undefined },
      table,
      () => true
    )
    const getToken = handlers.get(channelOf('getToken'))!
    expect(await getToken({} as never, { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await getToken({} as never, { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    expect(await getToken({} as never, { id: 'sandbox', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
  })
})
