import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'
import { JssdkWorkbench } from './pages/jssdk'
import { MiniProgramLogin } from './pages/mini-program'

// Mini Program login (issue 10 §4) on the sandbox: the emulator plays the phone, jscode2session and
// getuserphonenumber answer over real HTTP; and no secret reaches the page unless the user reveals it.

test('jscode2session end to end on the sandbox, keyboard only: simulate, exchange, a reused code decoded', async ({
  desk
}) => {
  const { page } = desk
  const mp = new MiniProgramLogin(page)
  await page.getByRole('tab', { name: 'Token' }).focus()
  // Token … Mini Program login, Push: the last tab but one.
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: 'Mini Program login' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(mp.loginForm).toBeVisible()

  const simulate = mp.loginForm.getByRole('button', { name: 'Simulate wx.login' })
  const code = mp.loginForm.getByLabel('js_code (from wx.login)')
  await code.focus()
  await page.keyboard.press('Tab')
  await expect(simulate).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(code).not.toHaveValue('')
  await expect(mp.loginForm.getByRole('timer')).toContainText(/valid for [45]:\d\d/)

  await page.keyboard.press('Control+Enter')
  await expect(mp.fact(mp.session, 'openid')).toHaveText(/^o\S+$/)
  await expect(mp.fact(mp.session, 'unionid')).toHaveText(/^o\S+$/)
  await expect(mp.fact(mp.session, 'session_key')).toContainText('••••')
  await expect(simulate).toBeFocused()

  await page.keyboard.press('Control+Enter')
  const callout = mp.region.getByRole('alert')
  await expect(callout).toContainText('The wx.login code was already used')
  await expect(callout).toContainText('40163')
  await expect(simulate).toBeFocused()
})

test('getuserphonenumber with a simulated phone code, and an unknown code decoded (40029)', async ({
  desk
}) => {
  const mp = new MiniProgramLogin(desk.page)
  await mp.open()
  const user = desk.services.miniProgram.setup('sandbox').simulator!.users[0]!
  await mp.phoneForm.getByRole('button', { name: 'Simulate getPhoneNumber' }).click()
  await mp.phoneForm.getByRole('button', { name: 'Get phone number' }).click()
  await expect(mp.fact(mp.phone, 'phoneNumber')).toHaveText(user.phoneNumber)
  await expect(mp.fact(mp.phone, 'watermark')).toContainText(
    desk.services.profiles.credentials('sandbox').appId
  )

  await mp.loginForm.getByLabel('js_code (from wx.login)').fill('0a1b2c3d-not-issued')
  await mp.loginForm.getByRole('button', { name: 'Exchange' }).click()
  await expect(mp.region.getByRole('alert')).toContainText('Invalid or expired code')
})

test('the AppSecret, tokens, jsapi_ticket and session_key never reach the page unmasked unless revealed', async ({
  desk
}) => {
  const { page } = desk
  const secret = desk.services.sandbox!.binding.secret
  await new DeskPage(page).fetch()
  const token = desk.services.tokens.current('sandbox')!.value

  const jssdk = new JssdkWorkbench(page)
  await jssdk.open()
  await jssdk.fill({ url: 'https://127.0.0.1/pay' })
  await jssdk.calculator.getByRole('button', { name: 'Sign' }).click()
  await expect(jssdk.signature).toBeVisible()
  const ticket = desk.services.jssdk.revealTicket('sandbox').ticket

  const mp = new MiniProgramLogin(page)
  await mp.open()
  await mp.loginForm.getByRole('button', { name: 'Simulate wx.login' }).click()
  await mp.loginForm.getByRole('button', { name: 'Exchange' }).click()
  await expect(mp.fact(mp.session, 'openid')).not.toBeEmpty()
  const session = desk.services.miniProgram.state('sandbox').sessions[0]!
  const sessionKey = desk.services.miniProgram.revealSessionKey(session.id).sessionKey

  const everything = async (): Promise<string> => `${await page.content()}\n${desk.replies.join('\n')}`
  for (const value of [secret, token, ticket, sessionKey]) expect(await everything()).not.toContain(value)

  await mp.session.getByRole('button', { name: 'Reveal' }).click()
  await expect(mp.fact(mp.session, 'session_key')).toContainText(sessionKey)
  await mp.session.getByRole('button', { name: 'Hide' }).click()
  await expect(mp.fact(mp.session, 'session_key')).not.toContainText(sessionKey)
  expect(await page.content()).not.toContain(sessionKey)
  for (const value of [secret, token, ticket]) expect(await everything()).not.toContain(value)
})
