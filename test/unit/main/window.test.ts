import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  guardNavigation,
  ownPageCheck,
  rendererUrl,
  windowOptions
} from '../../../src/main/window'
import type { WebContents } from 'electron'

describe('window hardening', () => {
  it('builds the exact hardened window options', () => {
    expect(windowOptions('/app/out/preload/index.cjs', false)).toEqual({
      width: 1180,
      height: 780,
      minWidth: 880,
      minHeight: 560,
      show: false,
      title: 'WeChat Token Desk',
      backgroundColor: '#f6f7f9',
      autoHideMenuBar: true,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        spellcheck: false
      }
    })
  })

  it('relaxes the CSP only for the dev server (inline preamble, injected styles, HMR websocket)', () => {
    const dev = contentSecurityPolicy(true)
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain("connect-src 'self' ws://localhost:*")
    expect(contentSecurityPolicy(false)).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
  })

  it('uses a CSP that allows nothing beyond our own scripts, styles and data: images', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'"
    )
  })

  it('denies window.open, blocks foreign navigation and hands links to the checked opener', () => {
    const handlers = new Map<string, (event: { preventDefault: () => void }, url: string) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (name: string, h: (event: { preventDefault: () => void }, url: string) => void) =>
        handlers.set(name, h)
    } as unknown as WebContents
    const opened: string[] = []
    guardNavigation(
      contents,
      (url) => url.startsWith('file:///app/'),
      (url) => opened.push(url)
    )

    expect(openHandler?.({ url: 'https://developers.weixin.qq.com/' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://developers.weixin.qq.com/'])

    const away = { preventDefault: vi.fn() }
    handlers.get('will-navigate')?.(away, 'https://evil.example/')
    expect(away.preventDefault).toHaveBeenCalled()
    const own = { preventDefault: vi.fn() }
    handlers.get('will-navigate')?.(own, 'file:///app/index.html')
    expect(own.preventDefault).not.toHaveBeenCalled()
    const redirect = { preventDefault: vi.fn() }
    handlers.get('will-redirect')?.(redirect, 'http://evil.example/')
    expect(redirect.preventDefault).toHaveBeenCalled()
  })
})

describe('which pages are our own (navigation and IPC senders)', () => {
  it('compares the dev server by exact origin, never by prefix', () => {
    const own = ownPageCheck('http://localhost:5173')
    expect(own('http://localhost:5173/')).toBe(true)
    expect(own('http://localhost:5173/#/apps')).toBe(true)
    expect(own('http://localhost:5173/src/main.tsx?t=1')).toBe(true)
    for (const foreign of [
      'http://localhost:5173.evil.example/',
      'http://localhost:51730/',
      'http://localhost:5173@evil.example/',
      'http://user:pass@localhost:5173/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'file:///app/out/renderer/index.html',
      'not a url'
    ]) {
      expect(own(foreign), foreign).toBe(false)
    }
  })

  it('accepts only the built page itself, whatever its fragment', () => {
    const own = ownPageCheck('file:///app/out/renderer/index.html')
    expect(own('file:///app/out/renderer/index.html')).toBe(true)
    expect(own('file:///app/out/renderer/index.html#/oauth')).toBe(true)
    expect(own('file:///app/out/renderer/index.html.evil')).toBe(false)
    expect(own('file:///app/out/renderer/other.html')).toBe(false)
    expect(own('file:///tmp/index.html')).toBe(false)
    expect(own('http://localhost:5173/')).toBe(false)
  })

  it('honours ELECTRON_RENDERER_URL only in an unpackaged app, and only for a local http server', () => {
    const built = 'file:///app/out/renderer/index.html'
    expect(rendererUrl(built, 'http://localhost:5173', false)).toBe('http://localhost:5173/')
    expect(rendererUrl(built, 'http://localhost:5173', true)).toBe(built)
    expect(rendererUrl(built, undefined, false)).toBe(built)
    expect(() => rendererUrl(built, 'https://evil.example/', false)).toThrow(/local http URL/)
  })
})
