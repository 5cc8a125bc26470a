import Conf from 'conf'
import type { StoreFactory } from './desk-store'

/** conf is electron-store's engine; the headless server and tests use it directly (no Electron needed). */
export const confStoreFactory: StoreFactory = (options) =>
  new Conf<Record<string, unknown>>({ ...options, projectName: 'wechat-token-desk' })
