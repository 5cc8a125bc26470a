import { test as base, expect, type Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { channelOf, type EventName } from '../../src/shared/contract'
import { invokeHandler } from '../../src/core/handler-table'
import { createHandlerTable } from '../../src/compose/desk-handlers'
import { startTestDesk, type TestDesk } from '../support/desk'
import { serveDirectory } from '../support/static-server'

const RENDERER = resolve('out/renderer')
const PRELOAD = resolve('out/preload/index.cjs')

export interface DeskFixture extends TestDesk {
  page: Page
  /** Every IPC reply the page received, serialised: used to prove secrets never cross. */
  replies: string[]
}

/**
 * The e2e harness: the built renderer in Chromium, with the *built preload* evaluated against a
 * stand-in for Electron's ipcRenderer/contextBridge that forwards to the real handler table and
 * services in this process. Only Electron's IPC plumbing is stood in for.
 */
export const test = base.extend<{ desk: DeskFixture; deskOptions: { encryption: boolean } }>({
  deskOptions: [{ encryption: true }, { option: true }],
  desk: async ({ page, deskOptions }, use) => {
    if (!existsSync(PRELOAD) || !existsSync(resolve(RENDERER, 'index.html'))) {
      throw new Error('Build first: `npx electron-vite build` (npm test does this before the e2e suite).')
    }
    const desk = await startTestDesk({ encryption: deskOptions.encryption })
    const table = createHandlerTable(desk.services)
    const replies: string[] = []
    await page.exposeBinding('__deskInvoke', async (_source, channel: string, input: unknown) => {
      const reply = await invokeHandler(table, channel.replace(/^desk:/, ''), input)
      replies.push(JSON.stringify(reply))
      return reply
    })
    const unsubscribe = desk.services.subscribe((name: EventName, payload) => {
      replies.push(JSON.stringify(payload))
      page
        // `unknown`: the page only forwards it, and Playwright's types cannot unfold recursive payloads.
        .evaluate(([channel, data]) => window.__deskEmit?.(channel, data), [
          channelOf(name),
          payload as unknown
        ] as const)
        .catch(
          () => undefined // the page may be navigating or closed
        )
    })
    // Passed as source text (not eval'd in the page), so the page's strict CSP stays in force.
    const preload = readFileSync(PRELOAD, 'utf8')
    await page.addInitScript({
      content: `(${installPreload.toString()})(function (require, module, exports) {\n${preload}\n})`
    })
    const server = await serveDirectory(RENDERER)
    await page.goto(server.url)
    await use({ ...desk, page, replies })
    unsubscribe()
    await server.close()
    await desk.close()
  }
})

declare global {
  interface Window {
    __deskEmit?: (channel: string, payload: unknown) => void
    __deskInvoke?: (channel: string, input: unknown) => Promise<unknown>
  }
}

type PreloadModule = (
  require: (name: string) => unknown,
  module: { exports: unknown },
  exports: unknown
) => void

/** Runs in the page before its scripts: runs the built preload with an Electron stand-in. */
function installPreload(preload: PreloadModule): void {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  window.__deskEmit = (channel, payload) => listeners.get(channel)?.forEach((l) => l({}, payload))
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => Object.defineProperty(window, key, { value: api })
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) =>
        (window.__deskInvoke as NonNullable<Window['__deskInvoke']>)(channel, input),
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
        const set = listeners.get(channel) ?? new Set()
        set.add(listener)
        listeners.set(channel, set)
      },
      removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
        listeners.get(channel)?.delete(listener)
    }
  }
  const module = { exports: {} }
  const require = (name: string): unknown => {
    if (name === 'electron') return electron
    throw new Error(`preload may not require ${name}`)
  }
  preload(require, module, module.exports)
}

export { expect }
