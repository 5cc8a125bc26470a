import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'
import { OAuthWorkbench } from './pages/oauth'

// Error callouts that read (item 11), the tools users already have (item 13), and the reader's language and
// formats (item 14).

test('a 40164 callout: no internal kind, the rid once, and the IP to whitelist one press away', async ({
  desk
}) => {
  const origin = new URL(desk.page.url()).origin
  await desk.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
  await desk.page.bringToFront() // the Clipboard API answers a focused document only
  const ui = new DeskPage(desk.page)
  await ui.fetch()
  await ui.injectFault(/40164/)
  await ui.button('Force refresh').click()
  const callout = ui.callout
  await expect(callout).toContainText('40164')
  const text = (await callout.textContent()) ?? ''
  const rid = desk.services.callLog.list('sandbox')[0]?.rid ?? ''
  expect(rid).not.toBe('')
  expect(text.split(rid)).toHaveLength(2) // its own row only, not again at the end of the errmsg
  expect(text).not.toMatch(/\bcode\b.*\bwechat\b/)

  await callout.getByRole('button', { name: 'Copy IP 127.0.0.1 to whitelist' }).click()
  await expect(callout.getByText('IP copied: paste it into the IP whitelist.')).toBeVisible()
  expect(await desk.page.evaluate(() => navigator.clipboard.readText())).toBe('127.0.0.1')

  await desk.page.getByLabel('Language').selectOption('zh-CN')
  await expect(
    ui.page.getByRole('region', { name: 'access_token' }).getByRole('alert').first()
  ).toContainText('微信错误 40164')
  const zh =
    (await ui.page.getByRole('region', { name: 'access_token' }).getByRole('alert').first().textContent()) ??
    ''
  expect(zh).not.toContain('类型')
  expect(zh).not.toContain('wechat')
})

test('a 40013 on a token fetch is about the AppID (not clear_quota) and offers Edit app', async ({
  desk
}) => {
  const ui = new DeskPage(desk.page)
  await ui.addApp({
    name: 'Unknown to WeChat',
    appId: 'wx1234567890abcdef',
    secret: '5f3c9a1e7b2d4c6f8a0b1c2d3e4f5a6b',
    apiBase: desk.services.sandbox!.emulator.url
  })
  await ui.button('Fetch').click()
  await expect(ui.callout).toContainText('40013')
  await expect(ui.callout).toContainText('16 lower-case hex digits')
  await expect(ui.callout).not.toContainText('clear_quota')
  await ui.callout.getByRole('button', { name: 'Edit app' }).click()
  await expect(desk.page.getByRole('dialog', { name: 'Edit app' })).toBeVisible()
})

test('live Postman and Bruno collections, a one-shot environment and JSON, from the Export menu', async ({
  desk
}) => {
  const ui = new DeskPage(desk.page)
  await ui.exportAs('Postman collection (live: reads the token from the Local API)')
  const status = ui.tokenPanel.getByRole('status')
  await expect(status).toContainText('its script reads the token from the Local API before each request')
  // The Local API is off and has no key yet: the panel says what to do, and where.
  await expect(status).toContainText('The Local API is off')
  await ui.tokenPanel.getByRole('button', { name: 'Open the Local API panel' }).click()
  await expect(desk.page.getByRole('heading', { level: 1, name: 'Local API' })).toBeVisible()
  const postman = JSON.parse(await readFile(desk.fileSaver.saved[0] ?? '', 'utf8')) as {
    info: { name: string }
    event: { listen: string; script: { exec: string[] } }[]
  }
  expect(postman.info.name).toBe('WeChat Token Desk · Sandbox (offline emulator)')
  expect(postman.event[0]?.listen).toBe('prerequest')
  expect(postman.event[0]?.script.exec.join('\n')).toContain('/v1/apps/{{appid}}/access-token')

  await desk.page
    .getByRole('navigation', { name: 'Apps' })
    .getByRole('button', { name: /Sandbox/ })
    .click()
  await ui.exportAs('Bruno collection (live: reads the token from the Local API)')
  await expect(ui.tokenPanel.getByRole('status')).toContainText('.bruno_collection.json')
  const bruno = JSON.parse(await readFile(desk.fileSaver.saved[1] ?? '', 'utf8')) as {
    root: { request: { script: { req: string } } }
  }
  expect(bruno.root.request.script.req).toContain("bru.setVar('access_token'")

  await ui.fetch()
  await ui.exportAs('Copy as JSON')
  await expect(ui.tokenPanel.getByRole('status')).toHaveText('Copied as JSON')
  expect(JSON.parse(desk.clipboard.text ?? '{}')).toMatchObject({
    access_token: desk.services.tokens.current('sandbox')?.value,
    mode: 'stable'
  })
})

test('in Chinese: the sandbox named in Chinese everywhere, ISO-like dates, grouped numbers', async ({
  desk
}) => {
  const ui = new DeskPage(desk.page)
  await ui.addApp({
    name: 'Shop',
    appId: 'wx1234567890abcdef',
    secret: '5f3c9a1e7b2d4c6f8a0b1c2d3e4f5a6b',
    kind: 'Official Account',
    apiBase: desk.services.sandbox!.emulator.url
  })
  await expect(ui.fact('Quota')).toContainText('0 / 500,000 token calls today')
  await desk.page
    .getByRole('navigation', { name: 'Apps' })
    .getByRole('button', { name: /Sandbox/ })
    .click()
  await ui.fetch()
  await expect(ui.fact('Obtained at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)

  // An authorization on the sandbox, read in Chinese.
  const oauth = new OAuthWorkbench(desk.page)
  await oauth.open()
  await oauth.redirectUri.fill(`${new URL(desk.page.url()).origin}/wechat/callback`)
  const link = await oauth.buildLink()
  const phone = await desk.page.context().newPage()
  const landing = phone.waitForRequest((r) => r.isNavigationRequest() && /[?&]code=/.test(r.url()))
  await phone.goto(link)
  await phone.getByRole('radio', { name: /李雷/ }).check()
  await phone.getByRole('button', { name: /Allow/ }).click()
  await oauth.paste((await landing).url())
  await oauth.exchange()
  await expect(oauth.fact('openid')).toContainText(/o[A-Za-z0-9_-]{27}/)

  await desk.page.getByLabel('Language', { exact: true }).first().selectOption('zh-CN')
  const zh = desk.page.getByRole('region', { name: 'OAuth 工作台（网页授权）' })
  await expect(zh.getByLabel('授权结果', { exact: true })).toContainText('沙箱（离线模拟器）')
  await expect(zh.getByRole('table', { name: '授权历史' })).toContainText('沙箱（离线模拟器）')
  await expect(zh.getByRole('table', { name: '授权历史' })).not.toContainText('Sandbox (offline emulator)')
  await expect(zh.getByRole('table', { name: '授权历史' }).getByRole('cell').first()).toHaveText(
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
  )

  await desk.page.getByRole('tab', { name: 'access_token' }).click()
  const panel = desk.page.getByRole('region', { name: 'access_token' })
  await panel.getByText('导出 ▾').click()
  await panel.getByRole('button', { name: 'Postman 环境（当前 access_token，一次性）' }).click()
  await expect(panel.getByRole('status')).toContainText('已保存到')
  const env = JSON.parse(await readFile(desk.fileSaver.saved.at(-1) ?? '', 'utf8')) as { name: string }
  expect(env.name).toBe('WeChat · 沙箱（离线模拟器） (dev)')
})
