import { admit, hasPlatform, jsonFields } from './api-gate'
import type { ApiDeps } from './api-state'
import { CGI } from './cgi-catalogue'
import { WX } from '../core/wechat-wire/errors'
import { menuGetButtons, readMenu, selfMenuButtons } from './menu-model'
import { failure, success, type Outcome, type WxRequest } from '../core/wechat-wire/request'

// The custom menu APIs of wechat-api.md §11.5. An account starts with no menu.

/** Menu ids look like 208396938. */
const FIRST_MENU_ID = 208_396_900

/**
 * POST /cgi-bin/menu/create `{"button":[…]}`: 1–3 buttons of 1–5 sub-buttons; sizes and types as menu-model
 * checks them. A miniprogram button may open any Mini Program of this emulator (else 45064).
 */
export function menuCreate(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.menuCreate)
  if (!admitted.ok) return failure(admitted.error)
  const read = jsonFields(req)
  if (!read.ok) return failure(read.error)
  const linked = (appid: string): boolean => {
    const app = deps.apps.find(appid)
    return app !== undefined && hasPlatform(app.config.platform, 'mini-program')
  }
  const menu = readMenu(read.fields, linked)
  if (!menu.ok) return failure(menu.error)
  const menuid = FIRST_MENU_ID + deps.state.next()
  deps.state.menus.set(admitted.app.config.appid, { buttons: menu.buttons, menuid })
  return success({ errcode: 0, errmsg: 'ok' })
}

/** GET /cgi-bin/menu/get → `{"menu":{"button":[…],"menuid":…}}`; none → 46003. */
export function menuGet(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.menuGet)
  if (!admitted.ok) return failure(admitted.error)
  const menu = deps.state.menus.get(admitted.app.config.appid)
  if (!menu) return failure(WX.menuNoExist)
  return success({ menu: { button: menuGetButtons(menu.buttons), menuid: menu.menuid } })
}

/** GET /cgi-bin/get_current_selfmenu_info → `{is_menu_open, selfmenu_info: {button: […]}}`, never an error. */
export function selfMenuInfo(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.selfMenuInfo)
  if (!admitted.ok) return failure(admitted.error)
  const menu = deps.state.menus.get(admitted.app.config.appid)
  return success({
    is_menu_open: menu ? 1 : 0,
    selfmenu_info: { button: menu ? selfMenuButtons(menu.buttons) : [] }
  })
}

/** GET /cgi-bin/menu/delete → ok, whether or not there was a menu. */
export function menuDelete(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.menuDelete)
  if (!admitted.ok) return failure(admitted.error)
  deps.state.menus.delete(admitted.app.config.appid)
  return success({ errcode: 0, errmsg: 'ok' })
}
