/**
 * Composition root: single-instance lock, services, IPC, then the window last.
 * Everything but the Electron glue lives in the plain-Node engine (src/core), composed in src/compose/desktop.ts.
 */
import { app, BrowserWindow, ipcMain, nativeTheme, session } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHandlerTable } from '../compose/desk-handlers'
import { registerIpc, sendEvent } from './ipc'
import { createSafeStorageCipher } from './platform/electron-safe-storage'
import {
  electronClipboard,
  electronFileOpener,
  electronFileSaver,
  electronOpener,
  electronPower
} from './platform/electron-ports'
import { installMenu } from './platform/electron-menu'
import { electronStoreFactory } from './platform/electron-store-factory'
import { createDeskServices, type DeskServices } from '../compose/desktop'
import { checkExternalUrl } from '../core/system'
import { contentSecurityPolicy, guardNavigation, ownPageCheck, rendererUrl, windowOptions } from './window'

const rendererFile = join(__dirname, '../renderer/index.html')
// ELECTRON_RENDERER_URL is set by `electron-vite dev`; a packaged app ignores it.
const pageUrl = rendererUrl(
  pathToFileURL(rendererFile).href,
  process.env['ELECTRON_RENDERER_URL'],
  app.isPackaged
)
const isDevServer = !pageUrl.startsWith('file:')
const isOwnUrl = ownPageCheck(pageUrl)

let mainWindow: BrowserWindow | null = null
let services: DeskServices | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(start, (error: unknown) => {
    console.error('[desk] failed to start', error)
    app.exit(1)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', () => {
    void services?.dispose()
  })
}

async function start(): Promise<void> {
  services = await createDeskServices({
    dataDir: app.getPath('userData'),
    storeFactory: electronStoreFactory,
    cipher: createSafeStorageCipher(),
    clipboard: electronClipboard,
    fileSaver: electronFileSaver(() => mainWindow),
    fileOpener: electronFileOpener(() => mainWindow),
    opener: electronOpener,
    power: electronPower,
    systemLanguage: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    version: app.getVersion(),
    sandbox: true
  })
  const table = createHandlerTable(services)
  installMenu()

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy(isDevServer)]
      }
    })
  })

  const window = new BrowserWindow(
    windowOptions(join(__dirname, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors)
  )
  mainWindow = window
  registerIpc(
    ipcMain,
    table,
    (event) =>
      event.sender === window.webContents &&
      event.senderFrame !== null &&
      event.senderFrame === window.webContents.mainFrame &&
      isOwnUrl(event.senderFrame.url)
  )
  const unsubscribe = services.subscribe((name, payload) => sendEvent(window.webContents, name, payload))
  window.on('closed', () => {
    unsubscribe()
    mainWindow = null
  })
  guardNavigation(window.webContents, isOwnUrl, (url) => {
    const checked = checkExternalUrl(url)
    if (checked.ok) void electronOpener.open(checked.url)
  })
  window.once('ready-to-show', () => window.show())
  if (isDevServer) await window.loadURL(pageUrl)
  else await window.loadFile(rendererFile)
}
