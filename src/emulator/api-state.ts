import { createHash } from 'node:crypto'
import type { GateDeps } from './api-gate'
import { MediaStore } from './media-store'
import type { MenuButton } from './menu-model'
import { MiniProgramCodes } from './mini-program-model'
import { QrTickets } from './qrcode-tickets'
import { RidLog } from './rid-log'
import { TemplateDedupe } from './template-dedupe'

/** A menu as menu/create stored it. */
export interface StoredMenu {
  buttons: MenuButton[]
  menuid: number
}

/**
 * What the tool APIs remember per emulator: rids answered, Mini Program codes, menus, uploaded media, QR
 * tickets, sent template messages. Ids come from a running number, so a run is the same every time.
 */
export class ApiState {
  readonly rids = new RidLog()
  readonly codes = new MiniProgramCodes()
  readonly menus = new Map<string, StoredMenu>()
  readonly media = new MediaStore()
  readonly qrcodes = new QrTickets()
  readonly templates = new TemplateDedupe()
  private serial = 0

  /** The next running number (message ids, menu ids). */
  next(): number {
    return ++this.serial
  }

  /**
   * A fresh id of `length` characters, derived from `kind`, `appid` and the running number: URL-safe base64
   * characters, or letters and digits only.
   */
  id(
    kind: string,
    appid: string,
    length: number,
    alphabet: 'url-safe' | 'alphanumeric' = 'url-safe'
  ): string {
    const seed = `${kind}:${appid}:${this.next()}`
    let id = ''
    for (let round = 0; id.length < length; round++) {
      const chunk = createHash('sha256').update(`${seed}:${round}`).digest('base64url')
      id += alphabet === 'alphanumeric' ? chunk.replace(/[-_]/g, '') : chunk
    }
    return id.slice(0, length)
  }
}

/** What every tool API endpoint works with. */
export interface ApiDeps extends GateDeps {
  state: ApiState
}
