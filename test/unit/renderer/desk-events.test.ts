import { describe, expect, it } from 'vitest'
import { eventNames } from '../../../src/shared/contract'
import { deskEventHandlers, subscribeDeskEvents } from '../../../src/renderer/src/app/desk-events'
import { useEmulatorStore } from '../../../src/renderer/src/features/emulator/emulator-store'
import { createFakeDesk } from './fake-desk'

describe("main's events in the renderer", () => {
  it('has one handler for every contract event, and none for anything else', () => {
    expect(Object.keys(deskEventHandlers).sort()).toEqual([...eventNames].sort())
  })

  it('subscribes exactly one listener per contract event, and removes them all again', () => {
    const desk = createFakeDesk()
    const unsubscribe = subscribeDeskEvents(desk.api.on)
    for (const name of eventNames) expect(desk.listenerCount(name), name).toBe(1)

    unsubscribe()
    for (const name of eventNames) expect(desk.listenerCount(name), name).toBe(0)
  })

  it('dispatches a pushed event into its feature store', () => {
    const desk = createFakeDesk()
    const unsubscribe = subscribeDeskEvents(desk.api.on)
    const status = { running: true, url: 'http://127.0.0.1:4010', pendingFaults: ['hang' as const] }
    desk.emit('emulatorChanged', status)
    expect(useEmulatorStore.getState().status).toEqual(status)
    unsubscribe()
  })
})
