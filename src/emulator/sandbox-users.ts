import { FAKE_USERS, openidFor, type FakeUser } from './fake-users'
import type { SandboxUser } from './types'

// What the Official Account and Mini Program APIs know of the sandbox users, beyond their OAuth profile.
// Fixed values, so every answer is the same from one run to the next.

interface AccountFacts {
  phoneNumber: string
  /** Follows the Official Account since (Unix s), with how they came; null: does not follow. */
  follower: { since: number; scene: string; qrScene: number; qrSceneStr: string } | null
  language: string
}

const FACTS: Readonly<Record<string, AccountFacts>> = {
  'li-lei': {
    phoneNumber: '13800138000',
    follower: { since: 1_700_000_000, scene: 'ADD_SCENE_QR_CODE', qrScene: 1001, qrSceneStr: '' },
    language: 'zh_CN'
  },
  'han-meimei': {
    phoneNumber: '13900139000',
    follower: { since: 1_710_000_000, scene: 'ADD_SCENE_SEARCH', qrScene: 0, qrSceneStr: '' },
    language: 'zh_CN'
  },
  // Signed in with OAuth and the Mini Program, but unfollowed the account: 43004 / 45015 to message him.
  'jim-green': { phoneNumber: '13700137000', follower: null, language: 'en' }
}

/** The users of the Official Account and Mini Program APIs: everyone but the H5 snapshot-page visitor. */
export const ACCOUNT_USERS: readonly FakeUser[] = FAKE_USERS.filter((user) => user.id in FACTS)

export function factsOf(user: FakeUser): AccountFacts | undefined {
  return FACTS[user.id]
}

export function findAccountUser(id: string): FakeUser | undefined {
  return ACCOUNT_USERS.find((user) => user.id === id)
}

/** The account user behind one of `appid`'s openids. */
export function userByOpenid(appid: string, openid: string): FakeUser | undefined {
  return ACCOUNT_USERS.find((user) => openidFor(appid, user) === openid)
}

export const FOLLOWERS: readonly FakeUser[] = ACCOUNT_USERS.filter((user) => FACTS[user.id]?.follower)

export function sandboxUsers(): SandboxUser[] {
  return ACCOUNT_USERS.map((user) => ({
    id: user.id,
    nickname: user.nickname,
    phoneNumber: FACTS[user.id]?.phoneNumber ?? '',
    follows: Boolean(FACTS[user.id]?.follower)
  }))
}
