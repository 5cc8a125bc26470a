import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  guardNavigation,
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
