import type { PageError } from './authorize-request'
import type { FakeUser } from './fake-users'
import { escapeHtml, styleOnlyCsp } from '../core/http/html'
import { pageReply, type SendReply } from '../core/http/reply'
import type { SnsScope } from './oauth-model'

// The emulator's pages: plain HTML, one hashed <style>, no script, no external resource, so they work under
// the strict CSP they are served with (and inside any in-app browser).

const STYLE = [
  'body{margin:0;font:15px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1b;background:#ededed}',
  'main{max-width:420px;margin:0 auto;padding:24px 16px}',
  '.tag{display:inline-block;margin:0 0 12px;padding:0 6px;border:1px dashed #888;border-radius:3px;font-size:12px;color:#555}',
  'h1{margin:0 0 8px;font-size:18px}',
  'p{margin:0 0 10px}',
  '.card{padding:14px 16px;border-radius:8px;background:#fff}',
  'fieldset{margin:12px 0;padding:8px 12px;border:1px solid #ddd;border-radius:6px}',
  'label{display:block;padding:6px 0}',
  '.about{color:#666;font-size:13px}',
  '.actions{display:flex;gap:10px;margin-top:14px}',
  'button{flex:1;padding:10px;border:0;border-radius:6px;font:inherit;cursor:pointer}',
  '.allow{background:#07c160;color:#fff}',
  '.deny{background:#f2f2f2;color:#1b1b1b}',
  '.error h1{color:#c62828}',
  '.code{font-family:ui-monospace,Menlo,Consolas,monospace;color:#555}',
  '@media (prefers-color-scheme:dark){body{background:#111;color:#e6e6e6}.card{background:#1e1e1e}.deny{background:#2c2c2c;color:#e6e6e6}.about,.code,.tag{color:#aaa}}'
].join('')

/** No script, no image, no frame; only the one stylesheet above. */
export const PAGE_CSP = styleOnlyCsp(STYLE)

function page(title: string, body: string, status = 200, headers?: Record<string, string>): SendReply {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>` +
    '<p class="tag">WeChat emulator · 微信模拟器</p>' +
    `${body}</main></body></html>`
  return pageReply(status, html, PAGE_CSP, { headers })
}

/** WeChat shows authorize errors in the page, with HTTP 200. */
export function errorPage(error: PageError): SendReply {
  const code = error.code === null ? '' : `<p class="code">错误码 / errcode: ${error.code}</p>`
  return page(
    `${error.zh} · ${error.en}`,
    '<div class="card error">' +
      `<h1>${escapeHtml(error.zh)}</h1><p>${escapeHtml(error.en)}</p>${code}` +
      `<p class="about">${escapeHtml(error.hint.zh)}<br>${escapeHtml(error.hint.en)}</p>` +
      '</div>'
  )
}

const SCOPE_TEXT: Record<SnsScope, { zh: string; en: string }> = {
  snsapi_base: {
    zh: '获取你的身份标识（openid）。微信中 snsapi_base 为静默授权，模拟器只请你选择是谁。',
    en: 'your identity (openid). In WeChat snsapi_base is silent; the emulator only asks who you are.'
  },
  snsapi_userinfo: {
    zh: '获得你的公开信息（昵称、头像）',
    en: 'your public profile (nickname, avatar)'
  },
  snsapi_login: {
    zh: '使用你的微信帐号登录网站（扫码登录）',
    en: 'sign in to the website with your WeChat account (scan login)'
  }
}

export interface ConsentPageInput {
  ticket: string
  appName: string
  appid: string
  scope: SnsScope
  users: readonly FakeUser[]
  /** Where the form posts. */
  action: string
}

/** "<app> requests …": pick one of the fake users, then Allow or Refuse. */
export function consentPage(input: ConsentPageInput): SendReply {
  const scope = SCOPE_TEXT[input.scope]
  const users = input.users
    .map(
      (user, index) =>
        `<label><input type="radio" name="user" value="${escapeHtml(user.id)}"${index === 0 ? ' checked' : ''}> ` +
        `${escapeHtml(user.nickname)} <span class="about">· ${escapeHtml(user.about.zh)} · ${escapeHtml(user.about.en)}</span></label>`
    )
    .join('')
  return page(
    '微信授权 · WeChat authorization',
    '<div class="card">' +
      `<h1>${escapeHtml(input.appName)} 申请 · requests</h1>` +
      `<p>${escapeHtml(scope.zh)}<br>${escapeHtml(scope.en)}</p>` +
      `<p class="code">${escapeHtml(input.appid)} · ${escapeHtml(input.scope)}</p>` +
      `<form method="post" action="${escapeHtml(input.action)}">` +
      `<input type="hidden" name="ticket" value="${escapeHtml(input.ticket)}">` +
      `<fieldset><legend>选择一个模拟用户 · Choose a sandbox user</legend>${users}</fieldset>` +
      '<div class="actions">' +
      '<button class="allow" type="submit" name="decision" value="allow">允许 · Allow</button>' +
      '<button class="deny" type="submit" name="decision" value="deny">拒绝 · Refuse</button>' +
      '</div></form></div>'
  )
}

/** A 302 to `location`, with a tiny page for clients that do not follow redirects. */
export function redirectPage(location: string): SendReply {
  return page(
    '正在跳转 · Redirecting',
    `<div class="card"><p>正在跳转 · Redirecting to <span class="code">${escapeHtml(location)}</span></p></div>`,
    302,
    { location }
  )
}
