import { describe, expect, it } from 'vitest'
import { unionidFor } from '../../../src/emulator/fake-users'
import { findAccountUser } from '../../../src/emulator/sandbox-users'
import {
  apiGet,
  apiPost,
  errcodeOf,
  OFFICIAL_ACCOUNT,
  openidOf,
  SANDBOX,
  tokenFor,
  useCatalogue
} from '../../support/catalogue-client'

// 用户 and 菜单 (wechat-api.md §11.5) on the emulator.

describe('GET /cgi-bin/user/get and /cgi-bin/user/info', () => {
  const ctx = useCatalogue()

  it('lists the followers, then an empty page with next_openid ""', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const followers = [openidOf(OFFICIAL_ACCOUNT, 'li-lei'), openidOf(OFFICIAL_ACCOUNT, 'han-meimei')]
    const first = await apiGet(emulator, '/cgi-bin/user/get', token)
    expect(first.json).toEqual({ total: 2, count: 2, data: { openid: followers }, next_openid: followers[1] })
    const after = await apiGet(emulator, '/cgi-bin/user/get', token, { next_openid: followers[0]! })
    expect(after.json).toEqual({
      total: 2,
      count: 1,
      data: { openid: [followers[1]] },
      next_openid: followers[1]
    })
    const end = await apiGet(emulator, '/cgi-bin/user/get', token, { next_openid: followers[1]! })
    expect(end.json).toEqual({ total: 2, count: 0, next_openid: '' })
    const stranger = await apiGet(emulator, '/cgi-bin/user/get', token, { next_openid: 'oNotAFollower' })
    expect(errcodeOf(stranger)).toBe(40003)
  })

  it('gives each account its own openids', async () => {
    const { emulator } = ctx
    const official = await apiGet(emulator, '/cgi-bin/user/get', await tokenFor(emulator, OFFICIAL_ACCOUNT))
    const sandbox = await apiGet(emulator, '/cgi-bin/user/get', await tokenFor(emulator, SANDBOX))
    expect(official.json['data']).not.toEqual(sandbox.json['data'])
    for (const openid of (sandbox.json['data'] as { openid: string[] }).openid)
      expect(openid).toMatch(/^o[\w-]{27}$/)
  })

  it("shows a follower's record without nickname or avatar, with the unionid of a bound account", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const openid = openidOf(SANDBOX, 'li-lei')
    const answer = await apiGet(emulator, '/cgi-bin/user/info', token, { openid, lang: 'zh_CN' })
    expect(answer.json).toEqual({
      subscribe: 1,
      openid,
      language: 'zh_CN',
      subscribe_time: 1_700_000_000,
      unionid: unionidFor(findAccountUser('li-lei')!),
      remark: '',
      groupid: 0,
      tagid_list: [],
      subscribe_scene: 'ADD_SCENE_QR_CODE',
      qr_scene: 1001,
      qr_scene_str: ''
    })
    const unbound = await apiGet(emulator, '/cgi-bin/user/info', await tokenFor(emulator, OFFICIAL_ACCOUNT), {
      openid: openidOf(OFFICIAL_ACCOUNT, 'li-lei')
    })
    expect(unbound.json['unionid']).toBeUndefined()
  })

  it('says subscribe 0 for a user who unfollowed; 41009 without openid, 40003 for a stranger', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const openid = openidOf(OFFICIAL_ACCOUNT, 'jim-green')
    expect((await apiGet(emulator, '/cgi-bin/user/info', token, { openid })).json).toEqual({
      subscribe: 0,
      openid
    })
    expect(errcodeOf(await apiGet(emulator, '/cgi-bin/user/info', token))).toBe(41009)
    const otherAccounts = openidOf(SANDBOX, 'li-lei')
    expect(errcodeOf(await apiGet(emulator, '/cgi-bin/user/info', token, { openid: otherAccounts }))).toBe(
      40003
    )
  })
})

const MENU = {
  button: [
    { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
    {
      name: '菜单',
      sub_button: [
        { type: 'view', name: '搜索', url: 'http://www.soso.com/' },
        {
          type: 'miniprogram',
          name: '小程序',
          url: 'http://mp.weixin.qq.com',
          appid: SANDBOX.appid,
          pagepath: 'pages/lunar/index'
        },
        { type: 'scancode_push', name: '扫码', key: 'rselfmenu_0_1' }
      ]
    }
  ]
}

describe('the custom menu', () => {
  const ctx = useCatalogue()

  it('has none at first: menu/get 46003, get_current_selfmenu_info is_menu_open 0', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    expect(errcodeOf(await apiGet(emulator, '/cgi-bin/menu/get', token))).toBe(46003)
    expect((await apiGet(emulator, '/cgi-bin/get_current_selfmenu_info', token)).json).toEqual({
      is_menu_open: 0,
      selfmenu_info: { button: [] }
    })
  })

  it('creates a menu, shows it back in both shapes, and deletes it', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    expect((await apiPost(emulator, '/cgi-bin/menu/create', token, MENU)).json).toEqual({
      errcode: 0,
      errmsg: 'ok'
    })
    const got = await apiGet(emulator, '/cgi-bin/menu/get', token)
    expect(got.json).toEqual({
      menu: {
        button: [
          { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC', sub_button: [] },
          {
            name: '菜单',
            sub_button: [
              { type: 'view', name: '搜索', url: 'http://www.soso.com/', sub_button: [] },
              {
                type: 'miniprogram',
                name: '小程序',
                url: 'http://mp.weixin.qq.com',
                appid: SANDBOX.appid,
                pagepath: 'pages/lunar/index',
                sub_button: []
              },
              { type: 'scancode_push', name: '扫码', key: 'rselfmenu_0_1', sub_button: [] }
            ]
          }
        ],
        menuid: expect.any(Number)
      }
    })
    const self = await apiGet(emulator, '/cgi-bin/get_current_selfmenu_info', token)
    expect(self.json['is_menu_open']).toBe(1)
    expect((self.json['selfmenu_info'] as { button: unknown[] }).button[1]).toMatchObject({
      name: '菜单',
      sub_button: {
        list: [{ type: 'view', name: '搜索', url: 'http://www.soso.com/' }, { type: 'miniprogram' }, {}]
      }
    })
    expect((await apiGet(emulator, '/cgi-bin/menu/delete', token)).json).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(errcodeOf(await apiGet(emulator, '/cgi-bin/menu/get', token))).toBe(46003)
    expect(errcodeOf(await apiGet(emulator, '/cgi-bin/menu/delete', token))).toBe(0)
  })

  it("keeps each account's menu to itself, and a refused menu changes nothing", async () => {
    const { emulator } = ctx
    const sandbox = await tokenFor(emulator, SANDBOX)
    await apiPost(emulator, '/cgi-bin/menu/create', sandbox, MENU)
    const official = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    expect(errcodeOf(await apiGet(emulator, '/cgi-bin/menu/get', official))).toBe(46003)
    const tooLong = { button: [{ type: 'click', name: '这个菜单名字太长了', key: 'k' }] }
    expect(errcodeOf(await apiPost(emulator, '/cgi-bin/menu/create', sandbox, tooLong))).toBe(40018)
    expect(
      ((await apiGet(emulator, '/cgi-bin/menu/get', sandbox)).json['menu'] as { button: unknown[] }).button
    ).toHaveLength(2)
  })

  it("refuses what WeChat refuses, with WeChat's codes", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const create = async (body: unknown): Promise<unknown> =>
      errcodeOf(await apiPost(emulator, '/cgi-bin/menu/create', token, body))
    const click = { type: 'click', name: 'a', key: 'k' }
    expect(await create({ button: [] })).toBe(40016)
    expect(await create({ button: [click, click, click, click] })).toBe(40016)
    expect(await create({ button: [{ type: 'tap', name: 'a' }] })).toBe(40017)
    expect(await create({ button: [{ type: 'click', name: 'a' }] })).toBe(40019)
    expect(await create({ button: [{ type: 'view', name: 'a' }] })).toBe(40020)
    expect(
      await create({ button: [{ name: 'p', sub_button: [click, click, click, click, click, click] }] })
    ).toBe(40023)
    expect(await create({ button: [{ name: 'p', sub_button: [{ type: 'tap', name: 'a' }] }] })).toBe(40024)
    expect(await create({ button: [{ name: 'p', sub_button: [{ type: 'click', name: '' }] }] })).toBe(40025)
    // An Official Account without Mini Programs links none: 45064.
    const mp = { type: 'miniprogram', name: 'm', url: 'http://a', appid: 'wx0000000000000000', pagepath: 'p' }
    expect(await create({ button: [mp] })).toBe(45064)
    expect(await create({ menu: [] })).toBe(47001)
  })
})
