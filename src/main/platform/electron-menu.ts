import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * The application menu without View → Reload: Ctrl/⌘+R belongs to the token panel's Refresh, and a
 * reload would only lose the renderer's state. Edit keeps copy/paste working in text fields.
 */
export function installMenu(platform: NodeJS.Platform = process.platform): void {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'editMenu' },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
