import { createHash } from 'node:crypto'

/**
 * The WeChat users a sandbox tester can sign in as on the consent page. Profiles follow today's rules
 * (wechat-api.md §4.1): since 2021-10-20 `sex` is 0 and province/city/country are empty.
 */
export interface FakeUser {
  id: string
  nickname: string
  /** One line on the consent page, in both languages. */
  about: { zh: string; en: string }
  /** A snapshot-page visitor (since 2022-07-13): virtual openid and profile, `is_snapshotuser: 1`. */
  snapshot: boolean
}

export const FAKE_USERS: readonly FakeUser[] = Object.freeze([
  { id: 'li-lei', nickname: '李雷', about: { zh: '普通用户', en: 'an ordinary user' }, snapshot: false },
  {
    id: 'han-meimei',
    nickname: '韩梅梅',
    about: { zh: '普通用户', en: 'an ordinary user' },
    snapshot: false
  },
  {
    id: 'jim-green',
    nickname: 'Jim Green',
    about: { zh: '英文昵称的用户', en: 'a user with a Latin nickname' },
    snapshot: false
  },
  {
    id: 'snapshot-visitor',
    nickname: '微信用户',
    about: {
      zh: '快照页访客：openid 与资料均为虚拟（is_snapshotuser = 1）',
      en: 'a snapshot-page visitor: virtual openid and profile (is_snapshotuser = 1)'
    },
    snapshot: true
  }
])

export function findFakeUser(id: string): FakeUser | undefined {
  return FAKE_USERS.find((user) => user.id === id)
}

// Real openids and unionids are 28 characters starting with "o" (e.g. oLVPpjqs9BhvzwPj5A-vTYAX3GLc).
function wechatId(seed: string): string {
  return `o${createHash('sha256').update(seed).digest('base64url').slice(0, 27)}`
}

/** A user's openid differs per AppID; a snapshot visitor's is virtual. */
export function openidFor(appid: string, user: FakeUser): string {
  return wechatId(`${user.snapshot ? 'snapshot' : 'openid'}:${appid}:${user.id}`)
}

/** The same for every app bound to the (one, emulated) Open Platform account; virtual for a snapshot visitor. */
export function unionidFor(user: FakeUser): string {
  return wechatId(`${user.snapshot ? 'snapshot-unionid' : 'unionid'}:${user.id}`)
}

/** A made-up qlogo-style avatar URL (size suffix 132); nothing is served there. */
export function headimgurlFor(user: FakeUser): string {
  const id = createHash('sha256')
    .update(`avatar:${user.snapshot ? 'default' : user.id}`)
    .digest('base64url')
  return `https://thirdwx.qlogo.cn/mmopen/vi_32/${id}/132`
}
