import { clipboard, dialog, powerMonitor, shell, type BrowserWindow } from 'electron'
import { writeFile } from 'node:fs/promises'
import type { ClipboardPort, ExternalOpenerPort, FileSaverPort, PowerPort } from '../../core/ports'

export const electronClipboard: ClipboardPort = { writeText: (value) => clipboard.writeText(value) }

export const electronPower: PowerPort = {
  onResume(listener) {
    powerMonitor.on('resume', listener)
    return () => powerMonitor.removeListener('resume', listener)
  }
}

/** URLs reach this only after `checkExternalUrl` approved them. */
export const electronOpener: ExternalOpenerPort = { open: (url) => shell.openExternal(url) }

export function electronFileSaver(window: () => BrowserWindow | null): FileSaverPort {
  return {
    async saveText(suggestedName, content) {
      const owner = window()
      const options = { defaultPath: suggestedName, filters: [{ name: 'JSON', extensions: ['json'] }] }
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { saved: false, path: null }
      // The file holds a token: readable by the user only.
      await writeFile(choice.filePath, content, { encoding: 'utf8', mode: 0o600 })
      return { saved: true, path: choice.filePath }
    }
  }
}
