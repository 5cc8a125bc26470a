import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Where an Electron binary is installed, launch the real app (sandboxed preload, real IPC) and see the
 * sandbox profile. Electron ≥ 40 downloads its binary on first run, which these CI machines cannot do,
 * so here the test reports itself skipped with the reason. Found without require('electron'), which
 * would try that download.
 */
function electronBinary(): string | null {
  const exe =
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron'
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  if (override) return existsSync(join(override, exe)) ? join(override, exe) : null
  const pathFile = resolve('node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const binary = resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

test('the real Electron app starts on the sandbox profile', async () => {
  test.skip(
    binary === null,
    'No Electron binary on this machine (Electron ≥ 40 downloads it on first run; the network here cannot).'
  )
  const userData = mkdtempSync(join(tmpdir(), 'desk-electron-'))
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: ['.', `--user-data-dir=${userData}`]
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { level: 1, name: /Sandbox/ })).toBeVisible()
    // Isolated and sandboxed: the page sees window.desk and nothing of Node.
    const globals = await page.evaluate(() => ({
      desk: typeof (globalThis as { desk?: unknown }).desk,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process
    }))
    expect(globals).toEqual({ desk: 'object', require: 'undefined', process: 'undefined' })
    await page
      .getByRole('region', { name: 'Token' })
      .getByRole('button', { name: 'Fetch', exact: true })
      .click()
    await expect(page.getByRole('progressbar', { name: 'Token lifetime' })).toBeVisible()
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
