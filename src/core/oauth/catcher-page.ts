import { escapeHtml, styleOnlyCsp } from '../http/html'

// The pages the callback catcher shows on the phone: zh + en, no script, no external resource, one hashed
// stylesheet, and nothing from the request except an escaped, shortened state.

const STYLE = [
  'body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1b;background:#f4f5f7}',
  'main{max-width:420px;margin:0 auto;padding:40px 20px;text-align:center}',
  'h1{margin:0 0 6px;font-size:20px}',
  'p{margin:0 0 8px}',
  '.en{color:#555}',
  '.mark{font-size:44px;line-height:1;margin-bottom:12px}',
  '.small{font-size:13px;color:#777;word-break:break-all}',
  '@media (prefers-color-scheme:dark){body{background:#111;color:#e6e6e6}.en{color:#aaa}.small{color:#888}}'
].join('')

export const CATCHER_CSP = styleOnlyCsp(STYLE, ["form-action 'none'"])

export type CatcherPageKind = 'done' | 'duplicate' | 'refused' | 'busy' | 'nothing'

const WORDING: Record<CatcherPageKind, { mark: string; zh: [string, string]; en: [string, string] }> = {
  done: {
    mark: '✓',
    zh: ['授权完成', '请回到电脑上，WeChat Token Desk 正在换取用户信息。可以关闭此页面。'],
    en: ['Done — back to your desktop', 'WeChat Token Desk is exchanging the code. You can close this page.']
  },
  duplicate: {
    mark: '✓',
    zh: ['已收到', '这次授权已经交给电脑处理（微信有时会回调两次）。请回到电脑上。'],
    en: [
      'Already received',
      'This authorization already reached the desktop (WeChat sometimes calls back twice).'
    ]
  },
  refused: {
    mark: '✕',
    zh: ['已拒绝授权', '电脑上已记录：用户拒绝了授权。如需重试，请重新打开授权链接。'],
    en: ['Authorization refused', 'The desktop has been told. To try again, open the authorize link again.']
  },
  busy: {
    mark: '!',
    zh: ['已经收到另一次授权', '此回调地址只接收一次授权，已经完成。请回到电脑上重新开始。'],
    en: [
      'Another authorization was already received',
      'This callback catches one authorization only. Start again from the desktop.'
    ]
  },
  nothing: {
    mark: '?',
    zh: ['没有收到 code', '此地址只接收微信授权后的跳转（带 code 和 state）。'],
    en: [
      'No code here',
      'This address only takes WeChat’s redirect after authorization (with code and state).'
    ]
  }
}

/** A small bilingual page. `state` (already validated by the caller) is shown shortened and escaped. */
export function catcherPage(kind: CatcherPageKind, state: string | null): string {
  const w = WORDING[kind]
  const stateLine =
    state === null || state === ''
      ? ''
      : `<p class="small">state: ${escapeHtml(state.length > 40 ? `${state.slice(0, 40)}…` : state)}</p>`
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(`${w.zh[0]} · ${w.en[0]}`)}</title><style>${STYLE}</style></head><body><main>` +
    `<div class="mark" aria-hidden="true">${w.mark}</div>` +
    `<h1>${escapeHtml(w.zh[0])}</h1><p>${escapeHtml(w.zh[1])}</p>` +
    `<h1 class="en" lang="en">${escapeHtml(w.en[0])}</h1><p class="en" lang="en">${escapeHtml(w.en[1])}</p>` +
    `${stateLine}<p class="small">WeChat Token Desk</p></main></body></html>`
  )
}
