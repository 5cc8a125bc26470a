import { clipboard, dialog, powerMonitor, shell, type BrowserWindow } from 'electron'
import type { SavedFile } from '../../shared/contract'
import { open, writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type {
  ClipboardPort,
  ExternalOpenerPort,
  FileOpenerPort,
  FileSaverPort,
  PowerPort
} from '../../core/ports'

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
  const save = async (suggestedName: string, content: string | Uint8Array): Promise<SavedFile> => {
    const owner = window()
    const extension = extname(suggestedName).slice(1)
    const filters = extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }]
    const options = { defaultPath: suggestedName, filters }
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { saved: false, path: null }
    // A saved export may hold a token: readable by the user only.
    await writeFile(choice.filePath, content, { mode: 0o600 })
    return { saved: true, path: choice.filePath }
  }
  return { saveText: save, saveBytes: save }
}

/** "Open…": the chosen file is read here, in main, and never further than `maxBytes`. */
export function electronFileOpener(window: () => BrowserWindow | null): FileOpenerPort {
  return {
    async openFile(maxBytes) {
      const owner = window()
      const options = { properties: ['openFile' as const] }
      const choice = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options)
      const path = choice.filePaths[0]
      if (choice.canceled || path === undefined) return { kind: 'cancelled' }
      const file = await open(path, 'r')
      try {
        const { size } = await file.stat()
        if (size > maxBytes) return { kind: 'too-large', name: basename(path), size }
        return { kind: 'file', name: basename(path), bytes: await file.readFile() }
      } finally {
        await file.close()
      }
    }
  }
}
