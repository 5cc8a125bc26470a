import { describe, expect, it } from 'vitest'
import { menuGetButtons, readMenu, selfMenuButtons } from '../../../src/emulator/menu-model'

const linked = (appid: string): boolean => appid === 'wxminiprogram00001'
const click = (name = '今日歌曲', key = 'V1001_TODAY_MUSIC'): Record<string, unknown> => ({
  type: 'click',
  name,
  key
})
const errcodeOf = (button: unknown): number | 'ok' => {
  const read = readMenu({ button }, linked)
  return read.ok ? 'ok' : read.error.errcode
}

describe('menu/create validation', () => {
  it('takes 1 to 3 buttons of 1 to 5 sub-buttons (40016, 40023)', () => {
    expect(errcodeOf([])).toBe(40016)
    expect(errcodeOf([click(), click(), click()])).toBe('ok')
    expect(errcodeOf([click(), click(), click(), click()])).toBe(40016)
    const parent = (count: number): unknown => ({
      name: '菜单',
      sub_button: Array.from({ length: count }, () => click())
    })
    expect(errcodeOf([parent(5)])).toBe('ok')
    expect(errcodeOf([parent(6)])).toBe(40023)
    expect(errcodeOf('not a list')).toBe(47001)
    expect(readMenu({}, linked)).toMatchObject({ ok: false, error: { errcode: 47001 } })
  })

  it('checks names in bytes: 16 at the top, 60 below (40018, 40025)', () => {
    expect(errcodeOf([click('一二三四五')])).toBe('ok') // 15 bytes
    expect(errcodeOf([click('一二三四五六')])).toBe(40018) // 18 bytes
    expect(errcodeOf([click('')])).toBe(40018)
    const sub = (name: string): unknown => [{ name: '菜单', sub_button: [click(name)] }]
    expect(errcodeOf(sub('一'.repeat(20)))).toBe('ok')
    expect(errcodeOf(sub('一'.repeat(21)))).toBe(40025)
  })

  it('checks the type and the field each type needs, with codes per level', () => {
    expect(errcodeOf([{ type: 'dance', name: 'x' }])).toBe(40017)
    expect(errcodeOf([{ name: 'p', sub_button: [{ type: 'dance', name: 'x' }] }])).toBe(40024)
    expect(errcodeOf([click('x', 'k'.repeat(128))])).toBe('ok')
    expect(errcodeOf([click('x', 'k'.repeat(129))])).toBe(40019)
    expect(errcodeOf([{ name: 'p', sub_button: [click('x', '')] }])).toBe(40026)
    expect(errcodeOf([{ type: 'view', name: 'x', url: 'https://example.com/' + 'a'.repeat(1004) }])).toBe(
      'ok'
    )
    expect(errcodeOf([{ type: 'view', name: 'x', url: 'https://example.com/' + 'a'.repeat(1005) }])).toBe(
      40020
    )
    expect(errcodeOf([{ name: 'p', sub_button: [{ type: 'view', name: 'x' }] }])).toBe(40027)
    expect(errcodeOf([{ type: 'media_id', name: 'x' }])).toBe(40007)
  })

  it('needs a miniprogram button to carry url, a linked appid and pagepath', () => {
    const mp = (fields: Record<string, string>): unknown => [
      { type: 'miniprogram', name: '小程序', ...fields }
    ]
    const full = {
      url: 'https://mp.weixin.qq.com',
      appid: 'wxminiprogram00001',
      pagepath: 'pages/index/index'
    }
    expect(errcodeOf(mp(full))).toBe('ok')
    expect(errcodeOf(mp({ ...full, url: '' }))).toBe(40020)
    expect(errcodeOf(mp({ ...full, appid: '' }))).toBe(40013)
    expect(errcodeOf(mp({ ...full, appid: 'wxsomeoneelse00000' }))).toBe(45064)
    expect(errcodeOf(mp({ ...full, pagepath: '' }))).toBe(40165)
  })

  it('shows a menu back as menu/get and get_current_selfmenu_info do', () => {
    const read = readMenu(
      {
        button: [
          click(),
          {
            name: '菜单',
            sub_button: [
              { type: 'view', name: '搜索', url: 'http://www.soso.com/' },
              { type: 'media_id', name: '图片', media_id: 'MEDIA' }
            ]
          }
        ]
      },
      linked
    )
    if (!read.ok) throw new Error('menu refused')
    expect(menuGetButtons(read.buttons)).toEqual([
      { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC', sub_button: [] },
      {
        name: '菜单',
        sub_button: [
          { type: 'view', name: '搜索', url: 'http://www.soso.com/', sub_button: [] },
          { type: 'media_id', name: '图片', media_id: 'MEDIA', sub_button: [] }
        ]
      }
    ])
    expect(selfMenuButtons(read.buttons)).toEqual([
      { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
      {
        name: '菜单',
        sub_button: {
          list: [
            { type: 'view', name: '搜索', url: 'http://www.soso.com/' },
            { type: 'media_id', name: '图片', value: 'MEDIA' }
          ]
        }
      }
    ])
  })

  it('takes back what menu/get shows (leaves with an empty sub_button)', () => {
    const read = readMenu({ button: [click()] }, linked)
    if (!read.ok) throw new Error('menu refused')
    expect(readMenu({ button: menuGetButtons(read.buttons) }, linked).ok).toBe(true)
  })
})
