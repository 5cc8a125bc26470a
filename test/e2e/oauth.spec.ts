import { expect, test } from './fixtures'
import { approveOnPhone, OAuthWorkbench } from './pages/oauth'

// 网页授权 end to end against the built-in emulator: the desk builds the link, a second page plays the phone
// (WeChat's in-app browser), the emulator plays WeChat, and the redirect comes back by catcher or by paste.

test('a phone approves the link and the callback catcher brings openid and user info to the desktop', async ({
  desk
}) => {
  const oauth = new OAuthWorkbench(desk.page)
  await oauth.open()

  const catcherUrl = await oauth.startCatcher()
  await expect(oauth.redirectUri).toHaveValue(catcherUrl)
  await oauth.chooseScope('snsapi_userinfo')
  const link = await oauth.buildLink()
  expect(link).toMatch(
    /^http:\/\/127\.0\.0\.1:\d+\/connect\/oauth2\/authorize\?appid=wx5e1d0c7a3b9f2468&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Foauth%2Fcallback&response_type=code&scope=snsapi_userinfo&state=[A-Za-z0-9]{16}&connect_redirect=1#wechat_redirect$/
  )
  await expect(oauth.qrCode).toBeVisible()
  await expect(oauth.qrCode).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/)

  const phone = await desk.page.context().newPage()
  const cspViolations: string[] = []
  phone.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
  })
  await approveOnPhone(phone, link, '韩梅梅')
  await expect(phone.getByRole('heading', { name: 'Done — back to your desktop' })).toBeVisible()
  expect(cspViolations).toEqual([])

  await expect(
    oauth.region.getByText(/Redirect received \(state issued by this desk\) and exchanged/)
  ).toBeVisible()
  await expect(oauth.fact('openid')).toContainText(/o[A-Za-z0-9_-]{27}/)
  await expect(oauth.fact('unionid')).toContainText(/o[A-Za-z0-9_-]{27}/)
  await expect(oauth.fact('scope')).toHaveText('snsapi_userinfo')
  await oauth.getUserInfo()
  await expect(oauth.userInfo('nickname')).toHaveText('韩梅梅')

  // The user token stays in main: copying puts it on the clipboard, but no reply to the page ever carried it.
  await oauth.region.getByRole('button', { name: 'Copy access_token' }).click()
  await expect(oauth.region.getByText('access_token copied.')).toBeVisible()
  const token = desk.clipboard.text ?? ''
  expect(token).toMatch(/^\d{2}_[A-Za-z0-9_-]{140}$/)
  expect(desk.replies.some((reply) => reply.includes(token))).toBe(false)

  // WeChat sometimes calls back twice: the second hit is answered, not exchanged again.
  await phone.goBack()
  await phone.goForward()
  await expect(
    phone.getByRole('heading', { name: /Already received|Done — back to your desktop/ })
  ).toBeVisible()
  await expect(
    oauth.region.getByRole('table', { name: 'Authorization history' }).getByRole('row')
  ).toHaveCount(2)
})

test('the paste path: the redirect URL copied from the phone is read, checked and exchanged once', async ({
  desk
}) => {
  const oauth = new OAuthWorkbench(desk.page)
  await oauth.open()

  // A callback page that does not exist yet: the phone shows an error, but its address bar has the code.
  const callback = `${new URL(desk.page.url()).origin}/wechat/callback?from=menu`
  await oauth.redirectUri.fill(callback)
  await oauth.chooseScope('snsapi_base')
  const link = await oauth.buildLink()
  const state = new URL(link).searchParams.get('state') ?? ''

  const phone = await desk.page.context().newPage()
  // What the phone's address bar shows (Chrome swaps the empty 404 for its own error page, so ask the request).
  const landing = phone.waitForRequest(
    (request) => request.isNavigationRequest() && /[?&]code=/.test(request.url())
  )
  await approveOnPhone(phone, link, '李雷')
  const landed = (await landing).url()
  expect(landed).toContain(`/wechat/callback?from=menu&code=`)

  await oauth.paste(`  ${landed}\n`)
  await expect(oauth.region.getByText(/^Found code [A-Za-z0-9]{32} \(whole URL\)\./)).toBeVisible()
  await expect(oauth.region.getByText(`State: ${state} — issued by this desk.`)).toBeVisible()
  await expect(oauth.region.getByText('Ignored other parameters: from')).toBeVisible()
  await oauth.exchange()
  await expect(oauth.fact('openid')).toContainText(/o[A-Za-z0-9_-]{27}/)
  await expect(oauth.fact('scope')).toHaveText('snsapi_base')

  // A base-scope token cannot read the profile: WeChat's 48001, explained.
  await oauth.getUserInfo()
  await expect(oauth.region.getByRole('alert')).toContainText('WeChat error 48001')
  await expect(oauth.region.getByRole('alert')).toContainText('snsapi_userinfo')

  // The same redirect again: the desk refuses to send a spent code.
  await oauth.exchange()
  await expect(oauth.region.getByRole('alert').filter({ hasText: 'already exchanged' })).toBeVisible()
})
