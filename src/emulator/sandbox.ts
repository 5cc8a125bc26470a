import type { EmulatorAppConfig } from './types'

/**
 * The account behind the "Sandbox (offline emulator)" profile. Fixed values in WeChat's shapes
 * (`wx` + 16 hex, 32 hex); they are valid only against this emulator, never against WeChat.
 */
export const SANDBOX_APPID = 'wx5e1d0c7a3b9f2468'
export const SANDBOX_SECRET = '0e7c5a9d3f1b4c8e6a2d0f9b7c5e3a18'

export const SANDBOX_APP: EmulatorAppConfig = Object.freeze({
  appid: SANDBOX_APPID,
  secret: SANDBOX_SECRET,
  name: 'Sandbox',
  accountType: 'test',
  ipWhitelist: null,
  // A 测试号 may register IP:port; the desk's callback catcher listens on a port chosen at run time.
  oauthDomains: ['127.0.0.1:*'],
  unionBound: true,
  // One sandbox profile tries the Official Account and the Mini Program APIs alike.
  platform: 'both'
})
