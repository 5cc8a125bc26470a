import ElectronStore from 'electron-store'
import type { StoreFactory } from '../../core/storage/desk-store'

/** electron-store: conf plus Electron's userData path and app version. */
export const electronStoreFactory: StoreFactory = (options) =>
  new ElectronStore<Record<string, unknown>>({ ...options, name: options.configName })
