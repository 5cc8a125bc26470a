import type { ApiDeps } from './api-state'
import { CGI } from './cgi-catalogue'
import { apiDomainIp, clearQuota } from './debug-endpoints'
import type { Answer, EmulatorRequest } from './endpoint'
import { MAX_UPLOAD_BODY_BYTES, mediaUpload } from './media-endpoints'
import { menuCreate, menuDelete, menuGet, selfMenuInfo } from './menu-endpoints'
import { customSend, templateList, templateSend } from './message-endpoints'
import { LOGIN_CODE_PATH, PHONE_CODE_PATH, simulateEndpoint } from './mini-program-debug'
import { jscode2session, phoneNumber, wxaCodeUnlimit } from './mini-program-endpoints'
import { quotaGet, ridGet } from './openapi-endpoints'
import { qrcodeCreate, showQrCode } from './qrcode-endpoints'
import type { Route } from './routes'
import { SNS_JSON_TYPE } from '../core/wechat-wire/content-types'
import { WX } from '../core/wechat-wire/errors'
import { userGet, userInfo } from './user-endpoints'
import { generateScheme, generateUrlLink } from './wxa-link-endpoints'

// The API console's catalogue (issue #10): every entry answered as WeChat does, plus the emulator's own
// "simulate wx.login / getPhoneNumber". None of these serve queued faults or count in the token stats.

type Handler = (deps: ApiDeps, req: EmulatorRequest) => Answer

export function catalogueRoutes(deps: ApiDeps): [string, Route][] {
  const route = (
    handle: Handler,
    extra: Pick<Route, 'contentType' | 'maxBodyBytes' | 'oversize'> = {}
  ): Route => ({
    faultable: false,
    handle: (req) => handle(deps, req),
    attribute: () => undefined,
    ...extra
  })
  return [
    [CGI.apiDomainIp.path, route(apiDomainIp)],
    [CGI.clearQuota.path, route(clearQuota)],
    [CGI.quotaGet.path, route(quotaGet)],
    [CGI.ridGet.path, route(ridGet)],
    [CGI.userGet.path, route(userGet)],
    [CGI.userInfo.path, route(userInfo)],
    [CGI.menuCreate.path, route(menuCreate)],
    [CGI.menuGet.path, route(menuGet)],
    [CGI.selfMenuInfo.path, route(selfMenuInfo)],
    [CGI.menuDelete.path, route(menuDelete)],
    [CGI.templateList.path, route(templateList)],
    [CGI.templateSend.path, route(templateSend)],
    [CGI.customSend.path, route(customSend)],
    [
      CGI.mediaUpload.path,
      route(mediaUpload, { maxBodyBytes: MAX_UPLOAD_BODY_BYTES, oversize: WX.invalidMediaSize })
    ],
    [CGI.qrcodeCreate.path, route(qrcodeCreate)],
    ['/cgi-bin/showqrcode', route(showQrCode)],
    ['/sns/jscode2session', route(jscode2session, { contentType: SNS_JSON_TYPE })],
    [CGI.phoneNumber.path, route(phoneNumber)],
    [CGI.wxaCodeUnlimit.path, route(wxaCodeUnlimit)],
    [CGI.urlLink.path, route(generateUrlLink)],
    [CGI.scheme.path, route(generateScheme)],
    [LOGIN_CODE_PATH, route((d, req) => simulateEndpoint(d, 'login', req))],
    [PHONE_CODE_PATH, route((d, req) => simulateEndpoint(d, 'phone', req))]
  ]
}
