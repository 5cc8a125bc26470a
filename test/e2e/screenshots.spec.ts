import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'
import { LocalApiPanel } from './pages/local-api'
import { OAuthWorkbench } from './pages/oauth'

// The README's screenshots, taken from the real UI on the sandbox: the token panel, the OAuth workbench, JS-SDK,
// Mini Program login and the Local API, in English and Chinese, light and dark, written to docs/screenshots/.

test.use({ viewport: { width: 1280, height: 800 } })

const LANGUAGES = [
  {
    code: 'en',
    language: 'Language',
    theme: 'Theme',
    tokenTab: 'Token',
    oauthTab: 'OAuth (网页授权)',
    miniProgramTab: 'Mini Program login',
    sign: 'Sign',
    simulate: 'Simulate wx.login',
    exchange: 'Exchange',
    consoleTab: 'Console (接口调试)',
    send: 'Send',
    api: 'Local API'
  },
  {
    code: 'zh-CN',
    language: '语言',
    theme: '主题',
    tokenTab: 'access_token',
    oauthTab: '网页授权',
    miniProgramTab: '小程序登录',
    sign: '签名',
    simulate: '模拟 wx.login',
    exchange: '换取',
    consoleTab: '接口调试',
    send: '发送',
    api: '本地 API'
  }
] as const
const THEMES = ['light', 'dark'] as const

for (const lang of LANGUAGES) {
  test(`README screenshots, ${lang.code}`, async ({ desk }, testInfo) => {
    test.setTimeout(90_000)
    const { page } = desk
    const ui = new DeskPage(page)
    await ui.fetch()
    const oauth = new OAuthWorkbench(page)
    const api = new LocalApiPanel(page)
    await api.open()
    const url = await api.enable(0)
    const appid = desk.services.profiles.credentials('sandbox').appId
    const key = desk.services.localApi.revealKey()
    await fetch(`${url}/v1/apps/${appid}/access-token`, { headers: { authorization: `Bearer ${key}` } })
    await fetch(`${url}/healthz`)
    await expect(api.requests.getByRole('row')).toHaveCount(3)

    await page.getByLabel('Language').selectOption(lang.code)
    await expect(page.locator('html')).toHaveAttribute('lang', lang.code)
    for (const theme of THEMES) {
      await page.getByLabel(lang.theme).selectOption(theme)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      const shot = async (view: string): Promise<void> => {
        const path = `docs/screenshots/${view}-${lang.code}-${theme}.png`
        await page.mouse.move(0, 0)
        await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
        await testInfo.attach(`${view} ${lang.code} ${theme}`, { path, contentType: 'image/png' })
      }

      await page.getByRole('button', { name: lang.api, exact: true }).click()
      await shot('local-api')
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /Sandbox|沙箱/ })
        .click()
      await page.getByRole('tab', { name: lang.tokenTab }).click()
      await expect(page.getByRole('region', { name: lang.tokenTab })).toBeVisible()
      await shot('token')
      // The workspace was rebuilt on the way back from the Local API: build a link to show.
      await page.getByRole('tab', { name: lang.oauthTab }).click()
      await oauth.region.or(page.getByRole('region', { name: 'OAuth 工作台（网页授权）' })).waitFor()
      await page
        .locator('[data-primary-action]')
        .filter({ visible: true })
        .fill('http://127.0.0.1:8080/oauth/callback')
      await page
        .locator('form')
        .filter({ visible: true })
        .getByRole('button', { name: /Build link|生成链接/ })
        .click()
      await expect(page.getByRole('img', { name: /QR|二维码/ })).toBeVisible()
      await page.mouse.move(0, 0)
      await shot('oauth')

      await page.getByRole('tab', { name: lang.consoleTab }).click()
      await page
        .getByRole('button', { name: /A Mini Program code|获取不限制的小程序码/ })
        .filter({ visible: true })
        .click()
      await page.getByRole('button', { name: lang.send, exact: true }).filter({ visible: true }).click()
      await expect(page.locator('.console-image img').filter({ visible: true })).toBeVisible()
      await shot('console')
      await page.getByRole('tab', { name: 'JS-SDK' }).click()
      const jssdk = page.getByRole('tabpanel').filter({ visible: true })
      await jssdk.getByLabel(/Page URL|页面 URL/).fill('https://127.0.0.1/pay?order=1#/step/2')
      await jssdk.getByRole('button', { name: lang.sign, exact: true }).click()
      await expect(jssdk.locator('pre')).toContainText('wx.config')
      await jssdk.locator('pre').scrollIntoViewIfNeeded()
      await page.mouse.move(0, 0)
      await shot('jssdk')
      await page.getByRole('tab', { name: lang.miniProgramTab }).click()
      const mp = page.getByRole('tabpanel').filter({ visible: true })
      await mp.getByRole('button', { name: lang.simulate }).click()
      await mp.getByRole('button', { name: lang.exchange, exact: true }).click()
      await expect(mp.locator('dd').first()).toHaveText(/^o/)
      await page.mouse.move(0, 0)
      await shot('mini-program')
    }
  })
}
