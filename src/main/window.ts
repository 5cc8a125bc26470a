import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron'

/**
 * The window's options, as a pure function so a test can assert them whole. The renderer gets no Node,
 * runs sandboxed and isolated, and reaches main only through the preload's named verbs.
 */
export function windowOptions(preloadPath: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 780,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'WeChat Token Desk',
    backgroundColor: dark ? '#16181d' : '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
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
  }
}

/**
 * The Content-Security-Policy of the window: the page's meta tag (injected at build) and the header main
 * adds to every response of its session. `dev` is `electron-vite dev` only, whose dev server needs an
 * inline React-refresh preamble, injected <style> tags and its HMR websocket; builds get none of that.
 */
export function contentSecurityPolicy(dev = false, where: 'header' | 'meta' = 'header'): string {
  const policy = [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'"
  ]
  // Browsers ignore (and warn about) frame-ancestors in a meta tag; only the header carries it.
  if (where === 'header') policy.push("frame-ancestors 'none'")
  return policy.join('; ')
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/**
 * Blocks navigation away from our page and every window.open; hands https links (and http to this
 * machine) to the user's browser only after `checkUrl` approves them.
 */
export function guardNavigation(
  contents: WebContents,
  isOwnUrl: (url: string) => boolean,
  openExternal: (url: string) => void
): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Where the window's page comes from: the built file, or — in `electron-vite dev` only, never in a packaged
 * app — the dev server named by ELECTRON_RENDERER_URL.
 */
export function rendererUrl(builtPage: string, devServer: string | undefined, packaged: boolean): string {
  if (packaged || devServer === undefined || devServer === '') return builtPage
  const url = new URL(devServer)
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new Error(`ELECTRON_RENDERER_URL must be a local http URL, not ${devServer}`)
  }
  return url.href
}

/**
 * A check that a URL is our own page, for navigation and for IPC senders. Compared exactly — scheme, host,
 * port and, for the built file, the path — never by prefix: `http://localhost:5173.evil.example/`,
 * `:51730` or `localhost:5173@evil.example` are someone else's pages. Only the fragment may differ (the
 * dev server's page may also be at any path of its own origin).
 */
export function ownPageCheck(pageUrl: string): (url: string) => boolean {
  const page = new URL(pageUrl)
  return (candidate) => {
    let url: URL
    try {
      url = new URL(candidate)
    } catch {
      return false
    }
    if (url.username !== '' || url.password !== '') return false
    if (page.protocol === 'file:')
      return url.protocol === 'file:' && url.host === page.host && url.pathname === page.pathname
    return url.origin === page.origin
  }
}

export type { BrowserWindow }
